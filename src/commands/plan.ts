import { relative, resolve } from 'node:path';
import { isCiEnv } from '../ci/mode.js';
import { planPipeline } from '../pipeline/run.js';
import { preflight } from '../workspace/preflight.js';
import { createProgressPrinter } from '../report/progress.js';
import { renderPlan, renderPlanCost } from '../report/plan-text.js';
import { consume, withInterrupt } from './consume.js';
import { checkNamedFiles } from './named-files.js';
import { openProject, type ConfigFlags } from './options.js';

/** Options of `tandem plan`. */
export interface PlanOptions extends ConfigFlags {
  file: string[];
  allowWithheldSkip?: boolean;
  json?: boolean;
}

/** `tandem plan <task>`: asks the architect, saves the plan, prints it with the call's cost. */
export async function planCommand(task: string, options: PlanOptions): Promise<number> {
  const { workspace, config } = await openProject(options);
  const named = await checkNamedFiles(workspace.root, resolve(options.cwd ?? process.cwd()), options.file, options);
  for (const warning of named.warnings) process.stderr.write(`${warning}\n`);
  // A plan that could never be committed here (no identity, signing broken) is not worth paying for.
  Object.assign(process.env, await preflight(workspace, { ci: isCiEnv(process.env) }));
  const progress = createProgressPrinter(process.stderr);
  const result = await withInterrupt(
    (signal) => consume(planPipeline({ workspace, config, signal, task, files: named.files }), progress),
    (text) => process.stderr.write(text),
  );
  const plan = result.plan;
  if (!plan || !result.planPath) return 1;
  if (options.json) {
    const { architect, ...rest } = plan;
    process.stdout.write(`${JSON.stringify({ plan: rest, architect }, null, 2)}\n`);
    return 0;
  }
  process.stdout.write(`${renderPlan(plan)}\n\n${renderPlanCost(plan.architect)}\n\n`);
  process.stdout.write(`Saved ${relative(process.cwd(), result.planPath) || result.planPath}. Apply it with: tandem apply ${plan.id}\n`);
  return 0;
}
