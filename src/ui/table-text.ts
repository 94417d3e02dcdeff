import { formatCostSum, formatTokens, formatUsd, truncate } from '../report/format.js';
import { sumCosts } from '../report/savings.js';
import { appliedCount, renderRunTable, savingLine } from '../report/table.js';
import type { RunReport } from '../report/types.js';
import type { RunState } from './run-state.js';

/**
 * The final cost table for a terminal `width` columns wide: the same table `tandem run` prints when it
 * fits, else one line per row (what, cost, status) so nothing wraps into a broken layout. The saving
 * sentence follows either way (the screen wraps it at word boundaries).
 */
export function runTableText(report: RunReport, width: number, architectModel: string): string {
  const table = renderRunTable(report, { architectModel, width, wideHint: 'a wider terminal shows all' });
  if (table.split('\n').every((line) => [...line].length <= width)) return table;
  const steps = [...report.steps].sort((a, b) => a.index - b.index);
  const lines = [
    fitLine(`plan  ${report.architect.model}`, formatUsd(report.architect.costUsd), width),
    ...steps.map((step) => fitLine(`${step.index + 1} ${step.status}  ${step.file}`, step.attempts === 0 ? '-' : formatUsd(step.costUsd), width)),
    '-'.repeat(Math.max(width, 1)),
    fitLine(`total  ${formatTokens(report.totals.promptTokens, report.totals.completionTokens, report.totals.usageSource === 'estimated')} tokens`, totalCost(report), width),
  ];
  return `${lines.join('\n')}\n\n${savingLine(report.savings, architectModel, appliedCount(report))}`;
}

function totalCost(report: RunReport): string {
  if (report.totals.costUsd !== null) return formatUsd(report.totals.costUsd);
  const sum = sumCosts([report.architect.costUsd, ...report.steps.map((step) => step.costUsd)]);
  return formatCostSum(sum && { ...sum, partial: true });
}

/** `left` and `right` on one line of `width`, the left cut (with an ellipsis) when they do not fit. */
export function fitLine(left: string, right: string, width: number): string {
  const room = width - [...right].length - 2;
  if (room < 4) return truncate(`${left}  ${right}`, width);
  const cut = truncate(left, room);
  return `${cut}${' '.repeat(Math.max(room - [...cut].length, 0))}  ${right}`;
}

/** A finished run in words: the cost table, where the commits went, and whether it was interrupted. */
export function runSummaryText(run: RunState, width: number, architectModel: string): string {
  if (!run.report) return '';
  const lines = [runTableText(run.report, width, architectModel), ''];
  const applied = run.report.steps.filter((step) => step.status === 'applied').length;
  if (run.branch) lines.push(`${applied} of ${run.report.steps.length} steps committed on branch ${run.branch}.`);
  if (run.exitCode === 130) lines.push('Interrupted: calls in flight were cancelled; steps not yet applied were skipped.');
  return lines.join('\n');
}

/** The steps the user reverted after the run, one line each ('' for none). */
export function revertNotes(run: RunState): string {
  return run.steps
    .filter((step) => step.revertedBy)
    .map((step) => `Step ${step.index + 1} reverted by commit ${step.revertedBy?.slice(0, 7)}.`)
    .join('\n');
}
