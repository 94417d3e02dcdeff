import { loadPlan } from '../architect/plan-store.js';
import { isCiEnv } from '../ci/mode.js';
import { usageError } from '../errors.js';
import { applyPipeline, approveAll } from '../pipeline/run.js';
import { nextStepsText } from '../report/next-steps.js';
import { saveRunRecord } from '../report/run-record.js';
import { tableWidth } from '../report/terminal.js';
import { createProgressPrinter } from '../report/progress.js';
import { acquireRepoLock } from '../workspace/lock.js';
import { preflight } from '../workspace/preflight.js';
import { consume, withInterrupt } from './consume.js';
import { printRunReport } from './finish.js';
import { openProject, type ConfigFlags } from './options.js';
import type { Concurrency } from '../pipeline/concurrency.js';

/** Flags of the commands that apply steps. */
export interface ApplyFlags extends ConfigFlags {
  concurrency: Concurrency;
  allowDirty?: boolean;
  inPlace?: boolean;
  json?: boolean;
  branch?: string;
  allowConfigEdits?: boolean;
  allowCiEdits?: boolean;
  verifyHooks?: boolean;
}

/**
 * `tandem apply [plan] | --last`: runs a saved plan's steps and prints the cost table. A plan whose branch
 * exists is resumed: its committed steps are skipped, the rest run.
 */
export async function applyCommand(planRef: string | undefined, options: ApplyFlags & { last?: boolean }): Promise<number> {
  if (!planRef && !options.last) throw usageError('which plan? give a plan id or --last', 'tandem plan "<task>" saves one; tandem apply --last applies the newest');
  const { workspace, config } = await openProject(options);
  const plan = await loadPlan(workspace.root, planRef ?? 'last', (warning) => process.stderr.write(`tandem: ${warning}\n`));
  const ci = isCiEnv(process.env);
  const base = { branch: await workspace.currentBranch(), head: await workspace.head() };
  const lock = await acquireRepoLock(workspace.root, `apply ${plan.id}`);
  try {
    Object.assign(process.env, await preflight(workspace, { ci, inPlace: options.inPlace }));
    const progress = createProgressPrinter(process.stderr);
    const result = await withInterrupt(
      (signal) =>
        consume(
          applyPipeline({
            workspace,
            config,
            signal,
            plan,
            concurrency: options.concurrency,
            allowDirty: Boolean(options.allowDirty),
            inPlace: Boolean(options.inPlace),
            branch: options.branch,
            decisions: approveAll,
            allowConfigEdits: Boolean(options.allowConfigEdits),
            allowCiEdits: Boolean(options.allowCiEdits),
            // The person who runs apply has seen the plan; in CI nobody has.
            unattended: ci,
            verifyHooks: Boolean(options.verifyHooks) || config.git.verify,
          }),
          progress,
        ),
      (text) => process.stderr.write(text),
    ).finally(() => progress.close());
    if (!result.report) return 1;
    await saveRunRecord(workspace.root, result.report);
    printRunReport(result.report, config, options.json);
    const next = options.json ? '' : nextStepsText(result.report, base, tableWidth());
    if (next) process.stdout.write(`\n${next}\n`);
    return result.exitCode ?? 1;
  } finally {
    await lock.release();
  }
}
