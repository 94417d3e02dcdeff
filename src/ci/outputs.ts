import { TandemError } from '../errors.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { renderMarkdownSummary } from '../report/markdown.js';
import type { RunReport } from '../report/types.js';
import { runAnnotations } from './github.js';

/** Where a finished run's outputs go besides stdout. */
export interface OutputTargets {
  /** `--report <file>`: the JSON report. */
  reportFile?: string;
  /** `--summary <file>`: the markdown summary (overwritten). */
  summaryFile?: string;
  /** `$GITHUB_STEP_SUMMARY`: the markdown summary, appended as GitHub expects. */
  stepSummary?: string;
  /** `$GITHUB_OUTPUT`: step outputs (`branch`, `plan-id`, `applied`, `failed`, `exit-code`, ...), appended. */
  githubOutput?: string;
  /** `GITHUB_ACTIONS=true`: write `::error` annotations. */
  annotate: boolean;
}

/** The step outputs of a run, `name=value` lines for `$GITHUB_OUTPUT` (values are one line each). */
export function stepOutputs(report: RunReport, exitCode: number): string {
  const count = (status: string) => String(report.steps.filter((step) => step.status === status).length);
  const outputs: Array<[string, string]> = [
    ['branch', report.branch ?? ''],
    ['plan-id', report.plan.id],
    ['applied', count('applied')],
    ['failed', count('failed')],
    ['check-passed', report.check ? String(report.check.passed) : ''],
    ['cost-usd', report.totals.costUsd === null ? '' : String(report.totals.costUsd)],
    ['exit-code', String(exitCode)],
  ];
  return outputs.map(([name, value]) => `${name}=${value.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

/** Writes the JSON report and the markdown summaries, and returns the annotation lines to print. */
export async function writeRunOutputs(report: RunReport, targets: OutputTargets, info: { exitCode: number; architectModel: string }): Promise<string[]> {
  if (targets.reportFile) await write(targets.reportFile, `${JSON.stringify(report, null, 2)}\n`, 'the JSON report');
  if (targets.summaryFile || targets.stepSummary) {
    const markdown = renderMarkdownSummary(report, info);
    if (targets.summaryFile) await write(targets.summaryFile, markdown, 'the summary');
    if (targets.stepSummary) await write(targets.stepSummary, `${markdown}\n`, 'the step summary ($GITHUB_STEP_SUMMARY)', true);
  }
  if (targets.githubOutput) await write(targets.githubOutput, stepOutputs(report, info.exitCode), 'the step outputs ($GITHUB_OUTPUT)', true);
  return targets.annotate ? runAnnotations(report) : [];
}

/** The markdown for a run that ended before it had a report (no plan, a refused first call). */
export function failureSummary(task: string, error: TandemError): string {
  return `## tandem: ${task.split('\n')[0].slice(0, 120)}\n\n❌ **No changes made** (exit code ${error.exitCode}): ${error.message}\n`;
}

/** Appends the failure summary to `$GITHUB_STEP_SUMMARY` and writes it to `--summary`, where set; `$GITHUB_OUTPUT` gets the exit code. */
export async function writeFailureSummary(markdown: string, targets: Pick<OutputTargets, 'summaryFile' | 'stepSummary' | 'githubOutput'>, exitCode?: number): Promise<void> {
  if (targets.githubOutput && exitCode !== undefined) await write(targets.githubOutput, `exit-code=${exitCode}\n`, 'the step outputs ($GITHUB_OUTPUT)', true);
  if (targets.summaryFile) await write(targets.summaryFile, markdown, 'the summary');
  if (targets.stepSummary) await write(targets.stepSummary, `${markdown}\n`, 'the step summary ($GITHUB_STEP_SUMMARY)', true);
}

async function write(path: string, text: string, what: string, append = false): Promise<void> {
  try {
    await writeRedacted(path, text, { append });
  } catch (error) {
    throw new TandemError(`could not write ${what} to ${path}: ${(error as Error).message}`, { cause: error });
  }
}
