import { relative, resolve } from 'node:path';
import { isCiEnv } from '../ci/mode.js';
import { loadPlan } from '../architect/plan-store.js';
import type { SavedPlan } from '../architect/types.js';
import { usageError } from '../errors.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { preflight } from '../workspace/preflight.js';
import { createProgressPrinter } from '../report/progress.js';
import { renderPlan, renderPlanCost } from '../report/plan-text.js';
import { renderVersionCosts } from '../report/plan-versions.js';
import { loadRunRecord } from '../report/run-record.js';
import { stdoutTable, tableWidth } from '../report/terminal.js';
import { consume, withInterrupt } from './consume.js';
import { checkNamedFiles } from './named-files.js';
import { openProject, type ConfigFlags } from './options.js';

/** Options of `tandem plan`. */
export interface PlanOptions extends ConfigFlags {
  file: string[];
  allowWithheldSkip?: boolean;
  json?: boolean;
  /** `--revise [<id>|last]`: true when given without a plan. */
  revise?: string | boolean;
}

/**
 * What `--revise` names: the plan and the feedback. `--revise "<feedback>"` takes the newest plan, since
 * commander reads the feedback as the option's value when no plan id comes first.
 */
export function reviseTarget(words: string, revise: string | true): { ref: string; feedback: string } {
  if (revise === true) return { ref: 'last', feedback: words };
  return words.trim() === '' ? { ref: 'last', feedback: revise } : { ref: revise, feedback: words };
}

/** `tandem plan <task>` asks the architect and saves the plan; `--revise` asks it to change a saved plan. Prints the plan and what it cost. */
export async function planCommand(task: string, options: PlanOptions): Promise<number> {
  const target = options.revise === undefined || options.revise === false ? undefined : reviseTarget(task, options.revise);
  if (target && target.feedback.trim() === '') throw usageError('what should change? give the feedback in words', 'e.g. tandem plan --revise last "split step 2 per file and keep the old API"');
  if (!target && task.trim() === '') throw usageError('what should the plan do? give the task in words', 'e.g. tandem plan "add input validation to signup"');
  // The pipeline (and the SDK with it) compiles while git answers the checks below.
  const pipeline = Promise.all([import('../pipeline/run.js'), import('../pipeline/revise.js')]);
  pipeline.catch(() => {}); // a load failure surfaces where it is awaited
  const { workspace, config } = await openProject(options);
  const previous = target ? await loadPlan(workspace.root, target.ref) : undefined;
  const named = await checkNamedFiles(workspace.root, resolve(options.cwd ?? process.cwd()), options.file, options);
  for (const warning of named.warnings) process.stderr.write(`${warning}\n`);
  // A plan that could never be committed here (no identity, signing broken) is not worth paying for.
  Object.assign(process.env, await preflight(workspace, { ci: isCiEnv(process.env) }));
  const outcome = previous && (await loadRunRecord(workspace.root, previous.id));
  if (previous) {
    const run = outcome ? `, with its last run (${outcome.steps.filter((s) => s.status === 'applied').length} of ${outcome.steps.length} steps applied)` : '';
    process.stderr.write(`Revising plan ${previous.id}${run}.\n`);
  }
  const [{ planPipeline }, { revisePipeline }] = await pipeline;
  const events = (signal: AbortSignal): AsyncIterable<PipelineEvent> =>
    previous && target
      ? revisePipeline({ workspace, config, signal, files: named.files, revision: { plan: previous, feedback: target.feedback, outcome } })
      : planPipeline({ workspace, config, signal, task, files: named.files });
  const progress = createProgressPrinter(process.stderr);
  const result = await withInterrupt((signal) => consume(events(signal), progress), (text) => process.stderr.write(text)).finally(() => progress.close());
  return finish(result, options);
}

function finish(result: { plan?: SavedPlan; planPath?: string }, options: PlanOptions): number {
  const plan = result.plan;
  if (!plan || !result.planPath) return 1;
  if (options.json) {
    const { architect, ...rest } = plan;
    process.stdout.write(`${JSON.stringify({ plan: rest, architect }, null, 2)}\n`);
    return 0;
  }
  const costs = renderVersionCosts(plan, stdoutTable()) || renderPlanCost(plan.architect, stdoutTable());
  process.stdout.write(`${renderPlan(plan, tableWidth())}\n\n${costs}\n\n`);
  const revises = plan.revises ? ` (revises ${plan.revises})` : '';
  process.stdout.write(`Saved ${relative(process.cwd(), result.planPath) || result.planPath}${revises}.\nApply it with: tandem apply ${plan.id}\n`);
  return 0;
}
