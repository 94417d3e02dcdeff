import type { ActivityRecord } from '../activity/types.js';
import type { CallSummary } from '../architect/types.js';
import { approx, formatBytes, formatCostSum, formatLatency, formatTime, formatTokens, formatUsd, oneLine, truncate } from './format.js';
import { promptCacheLine } from './cache-line.js';
import { renderColumns, type Column, type Row } from './layout.js';
import { sumCosts } from './savings.js';
import type { RunReport, Savings, StepReport } from './types.js';

const RUN_COLUMNS: Column[] = [
  { header: 'Step' },
  { header: 'File', shrink: 'start' },
  { header: 'Model', shrink: 'end' },
  { header: 'Provider', shrink: 'end' },
  { header: 'Tokens in/out', align: 'right' },
  { header: 'Latency', align: 'right' },
  { header: 'Cost', align: 'right' },
  { header: 'Status' },
];

/**
 * The per-step table printed after a run: the architect call (step `plan`), one row per step and one per
 * step's fallback share, a totals row, and the saving against running every step on the architect's model.
 * Plain text, no colour; `width` cuts the File, Model and Provider columns to fit.
 */
export function renderRunTable(report: RunReport, options: { architectModel?: string; width?: number } = {}): string {
  const steps = [...report.steps].sort((a, b) => a.index - b.index);
  const rows: Row[] = [callRow('plan', '', report.architect, 'planned')];
  for (const step of steps) {
    rows.push(stepRow(step));
    if (step.fallback) rows.push(callRow('↳', '', step.fallback, 'fallback'));
  }
  const parts = [report.architect, ...steps, ...steps.flatMap((step) => (step.fallback ? [step.fallback] : []))];
  const total = report.totals.costUsd !== null ? formatUsd(report.totals.costUsd) : formatCostSum(partial(sumCosts(parts.map((p) => p.costUsd))));
  rows.push('rule', [
    'total',
    '',
    '',
    '',
    formatTokens(report.totals.promptTokens, report.totals.completionTokens, report.totals.usageSource === 'estimated'),
    formatLatency(report.totals.latencyMs),
    approx(total, report.totals.usageSource === 'estimated'),
    statusCounts(steps),
  ]);
  const [columns, body] = report.egress ? withCloudColumn(rows, report) : [RUN_COLUMNS, rows];
  const table = renderColumns(columns, body, options.width);
  const note = report.totals.usageSource === 'estimated' ? `\n${ESTIMATED_NOTE}` : '';
  const cache = promptCacheLine(report.totals);
  return `${table}\n\n${cache ? `${cache}\n` : ''}${savingLine(report.savings, options.architectModel ?? report.architect.model)}${note}`;
}

/** The legend of the "~" mark. */
export const ESTIMATED_NOTE = '~ counted by tandem: the gateway sent no usage for these calls';

const CLOUD_COLUMN: Column = { header: 'To cloud', align: 'right' };

/** The bytes each row sent to a cloud role, beside its cost (a run report read from the egress ledger). */
function withCloudColumn(rows: Row[], report: RunReport): [Column[], Row[]] {
  const cost = RUN_COLUMNS.findIndex((c) => c.header === 'Cost');
  // Same order as the rows: the plan, then each step and its fallback share; the totals row comes last.
  const sizes = [report.architect.cloudBytes, ...[...report.steps].sort((a, b) => a.index - b.index).flatMap((s) => (s.fallback ? [s.cloudBytes, s.fallback.cloudBytes] : [s.cloudBytes]))];
  const bytes = (n: number | undefined) => (n ? formatBytes(n) : '-');
  let i = 0;
  const out = rows.map((row) => {
    if (row === 'rule') return row;
    const cell = i < sizes.length ? bytes(sizes[i++]) : bytes(report.egress?.cloudBytes);
    return [...row.slice(0, cost + 1), cell, ...row.slice(cost + 1)];
  });
  return [[...RUN_COLUMNS.slice(0, cost + 1), CLOUD_COLUMN, ...RUN_COLUMNS.slice(cost + 1)], out];
}

function callRow(step: string, file: string, call: CallSummary, status: string): string[] {
  const estimated = call.usageSource === 'estimated';
  return [step, file, call.model, call.provider, formatTokens(call.promptTokens, call.completionTokens, estimated), formatLatency(call.latencyMs), approx(formatUsd(call.costUsd), estimated), status];
}

function stepRow(step: StepReport): string[] {
  // After retries the format may have changed (search/replace escalated to the whole file): name the one that applied.
  const tried = step.attempts > 1 ? [...(step.format && step.status === 'applied' ? [step.format] : []), `${step.attempts} attempts`] : [];
  const status = tried.length > 0 ? `${step.status} (${tried.join(', ')})` : step.status;
  // No model call was made (a skipped step, a plain delete): dashes, not a misleading model name and $0.
  if (step.attempts === 0) return [String(step.index + 1), step.file, '-', '-', '-', '-', '-', status];
  return callRow(String(step.index + 1), step.file, step, status);
}

// The totals row only falls back to the parts when the exact total is unknown, so their sum is at best a lower bound.
function partial(sum: ReturnType<typeof sumCosts>): ReturnType<typeof sumCosts> {
  return sum && { usd: sum.usd, partial: true };
}

function statusCounts(steps: StepReport[]): string {
  const counts = (['applied', 'failed', 'skipped'] as const)
    .map((status) => [status, steps.filter((step) => step.status === status).length] as const)
    .filter(([, count]) => count > 0);
  return counts.map(([status, count]) => `${count} ${status}`).join(', ');
}

/** The sentence under the table: what the run saved against the all-cloud run, or why that is unknown. */
export function savingLine(savings: Savings, architectModel: string): string {
  const against = `running every step on ${architectModel}`;
  if (savings.actualUsd === null) return `saving unknown: the cost of some calls is unknown (no cost from the gateway and no pricing set)`;
  if (savings.allCloudUsd === null || savings.savedUsd === null) return `saving unknown: no price known for ${architectModel} (set architect.pricing)`;
  const pct = savings.savedPct === null ? '' : ` (${Math.round(Math.abs(savings.savedPct))}%)`;
  if (savings.savedUsd < 0) return `cost ${formatUsd(-savings.savedUsd)}${pct} more than ${against}`;
  return `saved ${formatUsd(savings.savedUsd)}${pct} against ${against}`;
}

const ACTIVITY_COLUMNS: Column[] = [
  { header: 'Time' },
  { header: 'Role' },
  { header: 'Model', shrink: 'end' },
  { header: 'Provider', shrink: 'end' },
  { header: 'Tokens in/out', align: 'right' },
  { header: 'Latency', align: 'right' },
  { header: 'Cost', align: 'right' },
  { header: 'Status', shrink: 'end' },
];

/** `tandem log`: every recorded model call, one row each, in the order given (newest last); errors are shortened. */
export function renderActivityTable(records: ActivityRecord[], options: { width?: number } = {}): string {
  const rows = records.map((record) => [
    formatTime(new Date(record.ts)),
    record.role,
    record.model,
    record.provider,
    formatTokens(record.promptTokens, record.completionTokens, record.usageSource === 'estimated'),
    formatLatency(record.latencyMs),
    approx(formatUsd(record.costUsd), record.usageSource === 'estimated'),
    record.status === 'ok' ? 'ok' : record.error ? `error: ${truncate(oneLine(record.error), 48)}` : 'error',
  ]);
  return renderColumns(ACTIVITY_COLUMNS, rows, options.width);
}
