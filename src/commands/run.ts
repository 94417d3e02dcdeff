import { createInterface } from 'node:readline/promises';
import type { SavedPlan } from '../architect/types.js';
import { usageError } from '../errors.js';
import { approveAll, runPipeline, type Decisions } from '../pipeline/run.js';
import { renderPlan } from '../report/plan-text.js';
import { createProgressPrinter } from '../report/progress.js';
import type { ApplyFlags } from './apply.js';
import { consume, withInterrupt } from './consume.js';
import { printRunReport } from './finish.js';
import { openProject } from './options.js';

/** Options of `tandem run`. */
export interface RunOptions extends ApplyFlags {
  file: string[];
  yes?: boolean;
}

/** Asks at the terminal whether to apply the plan just made. */
const askAtTerminal: Decisions = {
  async approvePlan(plan: SavedPlan) {
    process.stderr.write(`\n${renderPlan(plan)}\n\n`);
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = (await rl.question(`Apply these ${plan.steps.length} steps? [Y/n] `)).trim().toLowerCase();
      return { plan, selected: answer === '' || answer === 'y' || answer === 'yes' ? plan.steps.map((_, i) => i) : [] };
    } finally {
      rl.close();
    }
  },
};

/** `tandem run <task>`: plan, approve (asked at a terminal, or --yes), apply, print the table. */
export async function runCommand(task: string, options: RunOptions): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY) && !options.yes;
  if (!options.yes && !process.stdin.isTTY) {
    throw usageError('tandem run needs --yes when it is not at a terminal (nobody could answer the approval prompt)');
  }
  const { workspace, config } = await openProject(options);
  const progress = createProgressPrinter(process.stderr);
  const result = await withInterrupt(
    (signal) =>
      consume(
        runPipeline({
          workspace,
          config,
          signal,
          task,
          files: options.file,
          concurrency: options.concurrency,
          allowDirty: Boolean(options.allowDirty),
          inPlace: Boolean(options.inPlace),
          decisions: interactive ? askAtTerminal : approveAll,
        }),
        progress,
      ),
    (text) => process.stderr.write(text),
  );
  if (!result.report) return 1;
  printRunReport(result.report, config, options.json);
  return result.exitCode ?? 1;
}
