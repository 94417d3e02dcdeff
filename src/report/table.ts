import type { ActivityRecord } from '../activity/types.js';
import type { CallSummary } from '../architect/types.js';
import { approx, formatBytes, formatCostSum, formatLatency, formatTime, formatTokens, formatUsd, oneLine, truncate } from './format.js';
import { promptCacheLine } from './cache-line.js';
import { dimTone, statusTone } from './color.js';
import { renderColumns, wrapWords, type Column, type TableOptions } from './layout.js';
import { sumCosts } from './savings.js';
import type { RunReport, Savings, StepReport } from './types.js';

/** One row of the run table: the call it shows (plan, step, fallback share or the totals) and its cells' sources. */
export interface RunRow {
  step: string;
  file: string;
  /** The call summed in this row; absent for a step that made no call. */
  call?: Omit<CallSummary, 'model' | 'provider'> & { model: string; provider: string };
  /** The step this row belongs to (steps and their fallback share). */
  report?: StepReport;
  cost: string;
  cloudBytes?: number;
  status: string;
}

/** A run-table column: its layout, when it is shown at all, and its cell. Adding a column is one entry here. */
export interface RunColumn extends Column {
  cell: (row: RunRow) => string;
  shown?: (report: RunReport) => boolean;
}

const dash = (row: RunRow, value: (call: NonNullable<RunRow['call']>) => string) => (row.call ? value(row.call) : '-');

/** The run table's columns in order; `drop` says which go first when the terminal is narrow (highest first). */
export const RUN_COLUMNS: RunColumn[] = [
  { header: 'Step', cell: (row) => row.step },
  { header: 'File', shrink: 'start', min: 12, cell: (row) => row.file },
  { header: 'Model', shrink: 'middle', min: 16, drop: 2, cell: (row) => (row.step === 'total' ? '' : row.call?.model || '-') },
  { header: 'Provider', shrink: 'middle', min: 10, drop: 6, cell: (row) => (row.step === 'total' ? '' : row.call?.provider || '-') },
  { header: 'Tokens in/out', align: 'right', drop: 3, cell: (row) => dash(row, (call) => formatTokens(call.promptTokens, call.completionTokens, call.usageSource === 'estimated')) },
  { header: 'Latency', align: 'right', drop: 5, cell: (row) => dash(row, (call) => formatLatency(call.latencyMs)) },
  { header: 'Cost', align: 'right', tone: dimTone, cell: (row) => row.cost },
  { header: 'To cloud', align: 'right', drop: 4, shown: (report) => Boolean(report.egress), cell: (row) => (row.cloudBytes ? formatBytes(row.cloudBytes) : '-') },
  { header: 'Upstream', shrink: 'middle', min: 12, drop: 7, shown: servedByPool, cell: (row) => (row.step === 'total' || row.step === 'plan' ? '' : (row.step !== '↳' && row.report?.upstream) || '-') },
  { header: 'Status', shrink: 'end', min: 20, tone: statusTone, cell: (row) => row.status },
];

/** The Upstream column is worth its room only when a load balancer spread the steps over more than one host. */
function servedByPool(report: RunReport): boolean {
  return new Set(report.steps.map((step) => step.upstream).filter((upstream) => upstream !== undefined)).size > 1;
}

/** How a run table is printed: the terminal's width and colour, and the model named in the saving line. */
export interface RunTableOptions extends TableOptions {
  architectModel?: string;
}

/**
 * The per-step table printed after a run: the architect call (step `plan`), one row per step and one per
 * step's fallback share, a totals row, and the saving against running every step on the architect's model.
 * With a `width` it fits the terminal (names cut in the middle, low-priority columns dropped with a note).
 */
export function renderRunTable(report: RunReport, options: RunTableOptions = {}): string {
  const steps = [...report.steps].sort((a, b) => a.index - b.index);
  const callRow = (step: string, call: CallSummary, status: string, stepReport?: StepReport): RunRow => ({
    step,
    file: stepReport?.file ?? '',
    call,
    report: stepReport,
    cost: approx(formatUsd(call.costUsd), call.usageSource === 'estimated'),
    cloudBytes: call.cloudBytes,
    status,
  });
  const versions = report.planVersions ?? [];
  const revisions = versions.length - 1;
  const rows: Array<RunRow | 'rule'> = [callRow('plan', report.architect, revisions > 0 ? `planned (${revisions} revision${revisions === 1 ? '' : 's'})` : 'planned')];
  // A revised plan: what each version cost, under the plan row that sums them.
  if (revisions > 0) versions.forEach((version, i) => rows.push({ ...callRow('↳', version.architect, i === 0 ? 'first plan' : `revision ${i}`), cloudBytes: undefined }));
  for (const step of steps) {
    // After retries the format may have changed (search/replace escalated to the whole file): name the one that applied.
    const tried = step.attempts > 1 ? [...(step.format && step.status === 'applied' ? [step.format] : []), `${step.attempts} attempts`] : [];
    const status = tried.length > 0 ? `${step.status} (${tried.join(', ')})` : step.status;
    // No model call was made (a skipped step, a plain delete): dashes, not a misleading model name and $0.
    if (step.attempts === 0) rows.push({ step: String(step.index + 1), file: step.file, report: step, cost: '-', cloudBytes: step.cloudBytes, status });
    else rows.push(callRow(String(step.index + 1), step, status, step));
    if (step.fallback) rows.push({ ...callRow('↳', step.fallback, 'fallback', step), file: '' });
  }
  const parts = [report.architect, ...steps, ...steps.flatMap((step) => (step.fallback ? [step.fallback] : []))];
  const total = report.totals.costUsd !== null ? formatUsd(report.totals.costUsd) : formatCostSum(partial(sumCosts(parts.map((p) => p.costUsd))));
  rows.push('rule', { step: 'total', file: '', call: { ...report.totals, model: '', provider: '' }, cost: approx(total, report.totals.usageSource === 'estimated'), cloudBytes: report.egress?.cloudBytes, status: statusCounts(steps) });
  const columns = RUN_COLUMNS.filter((column) => column.shown?.(report) ?? true);
  const table = renderColumns(
    columns,
    rows.map((row) => (row === 'rule' ? row : columns.map((column) => column.cell(row)))),
    options,
  );
  const cache = promptCacheLine(report.totals);
  const lines = [
    ...(cache ? [cache] : []),
    savingLine(report.savings, options.architectModel ?? report.architect.model, appliedCount(report)),
    ...(report.totals.usageSource === 'estimated' ? [ESTIMATED_NOTE] : []),
  ];
  const fit = (line: string) => (options.width === undefined ? line : wrapWords(line, options.width).join('\n'));
  return `${table}\n\n${lines.map(fit).join('\n')}`;
}

/** The legend of the "~" mark. */
export const ESTIMATED_NOTE = '~ counted by tandem: the gateway sent no usage for these calls';

/** How many steps of a run were applied. */
export function appliedCount(report: RunReport): number {
  return report.steps.filter((step) => step.status === 'applied').length;
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

/**
 * The sentence under the table: what the run saved against the all-cloud run, or why that is unknown. With
 * `applied` given and 0, nothing was done, so nothing was saved: it says what was spent instead.
 */
export function savingLine(savings: Savings, architectModel: string, applied?: number): string {
  if (applied === 0) return `nothing applied; spent ${savings.actualUsd === null ? 'an unknown amount (some calls have no known cost)' : formatUsd(savings.actualUsd)}`;
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
  { header: 'Model', shrink: 'middle', min: 16, drop: 2 },
  { header: 'Provider', shrink: 'middle', min: 10, drop: 6 },
  { header: 'Tokens in/out', align: 'right', drop: 3 },
  { header: 'Latency', align: 'right', drop: 4 },
  { header: 'Cost', align: 'right', tone: dimTone },
  { header: 'Status', shrink: 'end', min: 12, tone: statusTone },
];

/** `tandem log`: every recorded model call, one row each, in the order given (newest last); errors are shortened. */
export function renderActivityTable(records: ActivityRecord[], options: TableOptions = {}): string {
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
  return renderColumns(ACTIVITY_COLUMNS, rows, options);
}
