import { readActivity, scanActivity } from '../activity/log.js';
import type { ResolvedConfig } from '../config/types.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { runPipeline, type Decisions } from '../pipeline/run.js';
import { revertCommit, undoLastRun } from '../pipeline/undo.js';
import { renderActivityTable } from '../report/table.js';
import { StatsAccumulator } from '../stats/aggregate.js';
import { renderStatsTable } from '../stats/table.js';
import { configText } from '../ui/config-text.js';
import type { SessionServices } from '../ui/session-services.js';
import type { Workspace } from '../workspace/git.js';
import { acquireRepoLock, withRepoLock } from '../workspace/lock.js';
import { describeUndo } from './undo.js';
import { treeNote } from './tree-note.js';
import { loadRunRecord, saveRunRecord } from '../report/run-record.js';
import { revisePipeline } from '../pipeline/revise.js';
import type { SavedPlan } from '../architect/types.js';

import type { SessionOptions } from './session.js';

/**
 * What the session screens may ask of the core. The first run of the session creates its branch
 * (`tandem/<plan-id>`, or the current one with --in-place); later runs commit on that same branch.
 */
export async function createSessionServices(workspace: Workspace, config: ResolvedConfig, options: SessionOptions): Promise<SessionServices> {
  let sessionBranch = options.inPlace ? await workspace.currentBranch() : undefined;
  const provider = config.editor.provider?.only;
  return {
    info: {
      root: workspace.root,
      branch: await workspace.currentBranch(),
      architectModel: config.architect.model,
      editorModel: config.editor.model,
      editorProvider: Array.isArray(provider) ? provider.join(', ') : '',
    },
    async *runTask(task: string, decisions: Decisions, signal: AbortSignal): AsyncGenerator<PipelineEvent> {
      const lock = await acquireRepoLock(workspace.root, 'session');
      try {
        const inPlace = sessionBranch !== undefined && (await workspace.currentBranch()) === sessionBranch;
        const events = runPipeline({ workspace, config, signal, task, files: [], concurrency: options.concurrency, allowDirty: Boolean(options.allowDirty), inPlace, decisions, verifyHooks: config.git.verify });
        for await (const event of events) {
          if (event.type === 'apply-start') sessionBranch = event.branch;
          if (event.type === 'done') await saveRunRecord(workspace.root, event.report);
          yield event;
        }
      } finally {
        await lock.release();
      }
    },
    async *revisePlan(plan: SavedPlan, feedback: string, signal: AbortSignal): AsyncGenerator<PipelineEvent> {
      const outcome = await loadRunRecord(workspace.root, plan.id);
      yield* revisePipeline({ workspace, config, signal, files: [], revision: { plan, feedback, outcome } });
    },
    checkTree: async () => treeNote(await workspace.changes(), Boolean(options.allowDirty)),
    // A revert or an undo commits too: not while another tandem (a CI job, a second session) works here.
    revertStep: (commit) => withRepoLock(workspace.root, 'session (revert)', () => revertCommit(workspace, commit)),
    undo: () => withRepoLock(workspace.root, 'session (undo)', async () => describeUndo(await undoLastRun(workspace))),
    async log(limit, width) {
      const records = await readActivity(workspace.root, { limit });
      return records.length === 0 ? 'No model calls recorded yet in .tandem/activity.jsonl.' : renderActivityTable(records, { width, wideHint: 'a wider terminal shows all' });
    },
    async stats(width) {
      const sums = new StatsAccumulator();
      await scanActivity(workspace.root, (record) => sums.add(record));
      const summary = sums.summary(config.architect.pricing);
      if (summary.totals.calls === 0) return 'No model calls recorded yet in .tandem/activity.jsonl.';
      return renderStatsTable(summary, { since: null, architectModel: config.architect.model, width, wideHint: 'a wider terminal shows all' });
    },
    config: () => configText(config),
  };
}
