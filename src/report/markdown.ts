import type { CallSummary } from '../architect/types.js';
import { approx, formatLatency, formatTokens, formatUsd, oneLine, truncate } from './format.js';
import { ESTIMATED_NOTE, savingLine } from './table.js';
import type { CheckReport, RunReport, StepReport } from './types.js';

/** Text in a fenced code block whose fence is longer than any run of backticks inside, so nothing can close it early. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** A table cell: pipes escaped and kept to one line, since either would break the row. */
export function cell(text: string): string {
  return oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return longest > 0 ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}

/**
 * The markdown summary of a run for a pull request or `$GITHUB_STEP_SUMMARY`: the task and outcome, the plan,
 * the per-step table with totals and the saving, the check rounds, and the last failing check output.
 */
export function renderMarkdownSummary(report: RunReport, options: { exitCode: number; architectModel?: string }): string {
  const parts = [`## tandem: ${cell(truncate(oneLine(report.plan.task), 120))}`, outcome(report, options.exitCode), planSection(report), stepTable(report)];
  parts.push(savingLine(report.savings, options.architectModel ?? report.architect.model));
  if (report.rounds && report.rounds.length > 0) parts.push(roundsTable(report));
  const failing = lastFailingCheck(report);
  if (failing) parts.push(`### Last failing check output (${failing.where})\n\n${fenced(failing.check.output || '(no output)', 'text')}`);
  return `${parts.join('\n\n')}\n`;
}

function outcome(report: RunReport, exitCode: number): string {
  const applied = report.steps.filter((s) => s.status === 'applied').length;
  const lines = [`${exitCode === 0 ? '✅' : '❌'} **${applied} of ${report.steps.length} steps applied**${report.branch ? ` on branch ${code(report.branch)}` : ''} (exit code ${exitCode}).`];
  if (report.check) {
    const rounds = report.rounds?.length ?? 1;
    lines.push(
      report.check.passed
        ? `Check ${code(report.check.command)} passed in round ${report.check.passedRound}.`
        : `Check ${code(report.check.command)} did not pass (${rounds} ${rounds === 1 ? 'round' : 'rounds'}).`,
    );
  }
  if (report.budget?.stopped) lines.push(`Stopped by the budget: ${report.budget.stopped.message}.`);
  return lines.join('\n');
}

function planSection(report: RunReport): string {
  const lines = ['### Plan', '', `${cell(report.plan.summary || report.plan.task)} (plan ${code(report.plan.id)})`, ''];
  const roundOf = new Map((report.rounds ?? []).flatMap((r) => r.steps.map((s) => [s, r] as const)));
  for (const step of [...report.steps].sort((a, b) => a.index - b.index)) {
    const round = roundOf.get(step.index);
    lines.push(`${step.index + 1}. ${cell(step.title)}: ${code(step.file)}${round && round.kind === 'fix' ? ` (fix-up round ${round.round})` : ''}`);
  }
  return lines.join('\n');
}

function stepTable(report: RunReport): string {
  const rows = ['| Step | File | Model | Provider | Tokens in/out | Latency | Cost | Status |', '|---|---|---|---|--:|--:|--:|---|'];
  const call = (step: string, file: string, c: CallSummary, status: string) =>
    `| ${step} | ${file} | ${cell(c.model)} | ${cell(c.provider)} | ${formatTokens(c.promptTokens, c.completionTokens, c.usageSource === 'estimated')} | ${formatLatency(c.latencyMs)} | ${approx(formatUsd(c.costUsd), c.usageSource === 'estimated')} | ${status} |`;
  rows.push(call('plan', '', report.architect, 'planned'));
  for (const step of [...report.steps].sort((a, b) => a.index - b.index)) {
    const file = code(step.file).replace(/\|/g, '\\|');
    if (step.attempts === 0) rows.push(`| ${step.index + 1} | ${file} | - | - | - | - | - | ${stepStatus(step)} |`);
    else rows.push(call(String(step.index + 1), file, step, stepStatus(step)));
    if (step.fallback) rows.push(call('↳', '', step.fallback, 'fallback'));
  }
  const t = report.totals;
  const estimated = t.usageSource === 'estimated';
  rows.push(`| **total** | | | | ${formatTokens(t.promptTokens, t.completionTokens, estimated)} | ${formatLatency(t.latencyMs)} | ${approx(formatUsd(t.costUsd), estimated)} | ${statusCounts(report.steps)} |`);
  const note = estimated ? `\n\n${ESTIMATED_NOTE}.` : '';
  return `### Steps\n\n${rows.join('\n')}${note}`;
}

function stepStatus(step: StepReport): string {
  // As in the run table: after retries, the format that applied (search/replace may have escalated to the whole file).
  const tried = step.attempts > 1 ? [...(step.format && step.status === 'applied' ? [step.format] : []), `${step.attempts} attempts`] : [];
  let status = tried.length > 0 ? `${step.status} (${tried.join(', ')})` : step.status;
  if (step.status !== 'applied' && step.reason) status += `: ${truncate(oneLine(step.reason), 140)}`;
  if (step.check) status += step.check.passed ? '; check passed' : `; check failed (exit ${step.check.exitCode ?? 'none'})`;
  return cell(status);
}

function statusCounts(steps: StepReport[]): string {
  return (['applied', 'failed', 'skipped'] as const)
    .map((status) => [status, steps.filter((s) => s.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
}

function roundsTable(report: RunReport): string {
  const rows = ['| Round | Steps | Architect cost | Check | Exit code | Duration | Note |', '|--:|---|--:|---|--:|--:|---|'];
  for (const round of report.rounds ?? []) {
    const steps = round.steps.length === 0 ? 'none' : round.steps.map((s) => s + 1).join(', ');
    const check = round.check ? (round.check.passed ? 'passed' : 'failed') : 'not run';
    const exit = round.check ? String(round.check.exitCode ?? 'none') : '-';
    const duration = round.check ? formatLatency(round.check.durationMs) : '-';
    rows.push(`| ${round.round} | ${steps} | ${formatUsd(round.architect.costUsd)} | ${check} | ${exit} | ${duration} | ${cell(round.note ?? '')} |`);
  }
  return `### Check rounds: ${code(report.check?.command ?? '')}\n\n${rows.join('\n')}`;
}

/** The most recent failed check, a round's or (with --check-each) a step's, and where it ran. */
function lastFailingCheck(report: RunReport): { check: CheckReport; where: string } | undefined {
  const found: Array<{ check: CheckReport; where: string }> = [];
  for (const round of report.rounds ?? []) {
    for (const index of round.steps) {
      const step = report.steps.find((s) => s.index === index);
      if (step?.check && !step.check.passed) found.push({ check: step.check, where: `after step ${index + 1}` });
    }
    if (round.check && !round.check.passed) found.push({ check: round.check, where: `round ${round.round}` });
  }
  return found.at(-1);
}
