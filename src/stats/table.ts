import { approx, formatCostSum, formatInt, formatLatency, formatTime, formatTokens, formatUsd } from '../report/format.js';
import { dimTone } from '../report/color.js';
import { renderColumns, wrapWords, type Column, type Row, type TableOptions } from '../report/layout.js';
import { promptCacheLine } from '../report/cache-line.js';
import { savingLine } from '../report/table.js';
import type { StatsSummary } from './aggregate.js';
import type { UsageSum } from './usage-sum.js';

/** The columns of usageCells and the saving after them, shared by every stats table. */
export const USAGE_COLUMNS: Column[] = [
  { header: 'Calls', align: 'right', drop: 3 },
  { header: 'Failed', align: 'right', drop: 4 },
  { header: 'Tokens in/out', align: 'right', drop: 2 },
  { header: 'Cost', align: 'right', tone: dimTone },
  { header: 'p50', align: 'right', drop: 5 },
  { header: 'p95', align: 'right', drop: 5 },
  { header: 'Saved', align: 'right' },
];

const COLUMNS: Column[] = [{ header: 'Role' }, { header: 'Model', shrink: 'middle', min: 16 }, { header: 'Provider', shrink: 'middle', min: 10, drop: 6 }, ...USAGE_COLUMNS];

/**
 * `tandem stats` as plain text: what period it covers, one row per role, model and provider, a totals row,
 * and the saving against running everything on `architectModel`. A cost with unknown parts shows as a
 * lower bound (`≥$0.0120`) and is explained under the table; an unknown one is `?`.
 */
export function renderStatsTable(summary: StatsSummary, options: TableOptions & { since: Date | null; architectModel: string }): string {
  const heading = options.since ? `Model calls since ${formatTime(options.since)}` : 'All recorded model calls';
  const rows: Row[] = summary.groups.map((group) => [group.role, group.model, group.provider, ...usageCells(group), formatUsd(group.savings.savedUsd)]);
  rows.push('rule', ['total', '', '', ...usageCells(summary.totals), formatUsd(summary.savings.savedUsd)]);
  const lines = [heading, '', renderColumns(COLUMNS, rows, options), ''];
  if (summary.totals.unknownCostCalls > 0) {
    const unknown = summary.totals.unknownCostCalls;
    lines.push(`≥ marks a lower bound: ${formatInt(unknown)} ${unknown === 1 ? 'call has' : 'calls have'} no known cost (no cost from the gateway and no pricing set)`);
  }
  const estimated = summary.totals.estimatedCalls ?? 0;
  if (estimated > 0) lines.push(`~ marks tandem's own count: ${formatInt(estimated)} ${estimated === 1 ? 'call' : 'calls'} came without usage from the gateway`);
  const cache = promptCacheLine(summary.totals);
  if (cache) lines.push(cache);
  lines.push(savingLine(summary.savings, options.architectModel));
  // The notes under the table wrap at word boundaries; the table itself already fits.
  const width = options.width;
  return lines.map((line, i) => (width === undefined || i === 2 ? line : wrapWords(line, width).join('\n'))).join('\n');
}

/** The cells of a UsageSum in the stats table's order: calls, failed, tokens, cost (a lower bound as ≥, unknown as ?), p50, p95. */
export function usageCells(usage: UsageSum): string[] {
  return [
    formatInt(usage.calls),
    formatInt(usage.failures),
    formatTokens(usage.promptTokens, usage.completionTokens, usage.usageSource === 'estimated'),
    approx(formatCostSum(usage.cost), usage.usageSource === 'estimated'),
    latency(usage.p50LatencyMs),
    latency(usage.p95LatencyMs),
  ];
}

function latency(ms: number | null): string {
  return ms === null ? '-' : formatLatency(ms);
}
