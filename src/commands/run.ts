import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import type { SavedPlan } from '../architect/types.js';
import { errorCommand } from '../ci/github.js';
import { isCiEnv, resolveTask } from '../ci/mode.js';
import { failureSummary, writeFailureSummary, writeRunOutputs, type OutputTargets } from '../ci/outputs.js';
import { createVerifyPrinter } from '../ci/progress.js';
import { TandemError, usageError, type ExitCodeValue } from '../errors.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { approveAll, runPipeline, type Decisions } from '../pipeline/run.js';
import { renderPlan } from '../report/plan-text.js';
import { nextStepsText } from '../report/next-steps.js';
import { saveRunRecord } from '../report/run-record.js';
import { createProgressPrinter } from '../report/progress.js';
import { tableWidth } from '../report/terminal.js';
import type { RunReport } from '../report/types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Workspace } from '../workspace/git.js';
import { acquireRepoLock } from '../workspace/lock.js';
import { preflight } from '../workspace/preflight.js';
import type { ApplyFlags } from './apply.js';
import { consume, withInterrupt } from './consume.js';
import { checkNamedFiles } from './named-files.js';
import { printRunReport } from './finish.js';
import { openProject } from './options.js';

/** Options of `tandem run`. */
export interface RunOptions extends ApplyFlags {
  file: string[];
  allowWithheldSkip?: boolean;
  yes?: boolean;
  ci?: boolean;
  taskFile?: string;
  check?: string;
  checkEach?: boolean;
  fixRounds?: number;
  maxCost?: number;
  maxTokens?: number;
  report?: string;
  summary?: string;
  author?: string;
  push?: boolean;
}

/** Fix-up rounds after a failing check when --fix-rounds is not given. */
export const DEFAULT_FIX_ROUNDS = 2;

/** Asks at the terminal whether to apply a plan (the first one, or a fix-up round's). */
const askAtTerminal: Decisions = {
  async approvePlan(plan: SavedPlan) {
    process.stderr.write(`\n${renderPlan(plan, tableWidth(process.stderr))}\n\n`);
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      const answer = (await rl.question(`Apply these ${plan.steps.length} steps? [Y/n] `)).trim().toLowerCase();
      return { plan, selected: answer === '' || answer === 'y' || answer === 'yes' ? plan.steps.map((_, i) => i) : [] };
    } finally {
      rl.close();
    }
  },
};

/**
 * `tandem run <task>`: plan, approve (asked at a terminal, or --yes), apply, verify with --check, print the
 * table or JSON. With --ci (or CI=true) nothing is ever asked or read from standard input: every decision
 * follows the flags, and the report, the markdown summary and GitHub annotations are written for the pipeline.
 */
export async function runCommand(words: string, options: RunOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const ci = Boolean(options.ci) || isCiEnv(env);
  const base = resolve(options.cwd ?? process.cwd());
  const task = await resolveTask([words], options.taskFile, base);
  if (options.check === undefined && (options.checkEach || options.fixRounds !== undefined)) {
    throw usageError(`${options.checkEach ? '--check-each' : '--fix-rounds'} needs --check "<command>"`);
  }
  if (options.check !== undefined && options.check.trim() === '') throw usageError('--check needs a command, e.g. --check "npm test"');
  if (!ci && !options.yes && !process.stdin.isTTY) {
    throw usageError('tandem run needs --yes when it is not at a terminal (nobody could answer the approval prompt)', 'in a CI job, pass --ci (implied by CI=true)');
  }
  const interactive = !ci && !options.yes;
  const { workspace, config } = await openProject(options, env);
  const named = await checkNamedFiles(workspace.root, base, options.file, options);
  for (const warning of named.warnings) process.stderr.write(`${warning}\n`);
  const lock = await acquireRepoLock(workspace.root, 'run');
  try {
    // Before any paid call: who commits, whether signing works, the branch. Set here, git's own precedence stays intact.
    Object.assign(process.env, await preflight(workspace, { ci, author: options.author, inPlace: options.inPlace, newBranch: options.inPlace ? undefined : options.branch }, env));
    return await runWithLock(task, options, { ci, interactive, base, workspace, config, files: named.files }, env);
  } finally {
    await lock.release();
  }
}

async function runWithLock(
  task: string,
  options: RunOptions,
  at: { ci: boolean; interactive: boolean; base: string; workspace: Workspace; config: ResolvedConfig; files: string[] },
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { ci, interactive, base, workspace, config } = at;
  const targets: OutputTargets = {
    reportFile: options.report && resolve(base, options.report),
    summaryFile: options.summary && resolve(base, options.summary),
    stepSummary: env.GITHUB_STEP_SUMMARY || undefined,
    githubOutput: env.GITHUB_OUTPUT || undefined,
    annotate: env.GITHUB_ACTIONS === 'true',
  };
  const startedOn = { branch: await workspace.currentBranch(), head: await workspace.head() };
  const progress = createProgressPrinter(process.stderr);
  const verifyProgress = createVerifyPrinter(process.stderr);
  const onEvent = (event: PipelineEvent) => {
    progress(event);
    verifyProgress(event);
  };
  const events = (signal: AbortSignal) =>
    runPipeline({
      workspace,
      config,
      signal,
      task,
      files: at.files,
      concurrency: options.concurrency,
      allowDirty: Boolean(options.allowDirty),
      inPlace: Boolean(options.inPlace),
      branch: options.branch,
      decisions: interactive ? askAtTerminal : approveAll,
      budget: { maxCostUsd: options.maxCost, maxTokens: options.maxTokens },
      allowConfigEdits: Boolean(options.allowConfigEdits),
      allowCiEdits: Boolean(options.allowCiEdits),
      unattended: !interactive,
      verifyHooks: Boolean(options.verifyHooks) || config.git.verify,
      verify: options.check === undefined ? undefined : { command: options.check, checkEach: Boolean(options.checkEach), fixRounds: options.fixRounds ?? DEFAULT_FIX_ROUNDS },
    });
  let result;
  try {
    result = await withInterrupt((signal) => consume(events(signal), onEvent), (text) => process.stderr.write(text));
  } catch (error) {
    if (error instanceof TandemError) {
      await writeFailureSummary(failureSummary(task, error), targets, error.exitCode);
      if (targets.annotate) process.stderr.write(`${errorCommand(`tandem: ${error.message}`)}\n`);
    }
    throw error;
  } finally {
    progress.close();
  }
  if (!result.report) return 1;
  await saveRunRecord(workspace.root, result.report);
  const exitCode = result.exitCode ?? 1;
  const annotations = await writeRunOutputs(result.report, targets, { exitCode, architectModel: config.architect.model });
  for (const line of annotations) process.stderr.write(`${line}\n`);
  printRunReport(result.report, config, options.json);
  const next = options.json || ci ? '' : nextStepsText(result.report, startedOn, tableWidth());
  if (next) process.stdout.write(`\n${next}\n`);
  if (options.push) await push(workspace.root, result.report, exitCode, env);
  return exitCode;
}

/** Pushes the run's branch when something was committed; a failed push keeps the run's own non-zero exit code. */
async function push(root: string, report: RunReport, exitCode: number, env: NodeJS.ProcessEnv): Promise<void> {
  if (!report.branch || !report.steps.some((step) => step.status === 'applied')) {
    process.stderr.write('Nothing to push: no step was committed.\n');
    return;
  }
  try {
    // Loaded only to push (it runs git through execa): a run without --push never pays for it.
    const { pushBranch } = await import('../ci/push.js');
    await pushBranch(root, report.branch, { env });
  } catch (error) {
    if (error instanceof TandemError && exitCode !== 0) throw new TandemError(error.message, { exitCode: exitCode as ExitCodeValue, hint: error.hint });
    throw error;
  }
  process.stderr.write(`Pushed ${report.branch} to origin.\n`);
}
