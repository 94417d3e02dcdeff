import { formatTime, formatUsd } from '../report/format.js';
import { renderColumns, type Column, type Row, type TableOptions } from '../report/layout.js';
import { savingLine } from '../report/table.js';
import type { KeyedSummary } from './by-key.js';
import { usageJson } from './export.js';
import { toCsv } from './csv.js';
import { USAGE_COLUMNS, usageCells } from './table.js';

/** `tandem stats --by <key> --json`: each group under the key's own name. */
export function keyedJson(summary: KeyedSummary, period: { since: Date | null; until: Date }): Record<string, unknown> {
  return {
    since: period.since?.toISOString() ?? null,
    until: period.until.toISOString(),
    by: summary.by,
    groups: summary.groups.map((group) => ({ [summary.by]: group.key, ...usageJson(group), savings: group.savings })),
    totals: usageJson(summary.totals),
    savings: summary.savings,
  };
}

/** `tandem stats --by <key> --csv`. */
export function keyedCsv(summary: KeyedSummary): string {
  const header = [summary.by, 'calls', 'failures', 'prompt_tokens', 'completion_tokens', 'cost_usd', 'p50_latency_ms', 'p95_latency_ms', 'saved_usd'];
  const row = (label: string, group: KeyedSummary['totals'], saved: number | null) => {
    const json = usageJson(group);
    return [label, json.calls, json.failures, json.promptTokens, json.completionTokens, json.costUsd ?? '?', json.p50LatencyMs, json.p95LatencyMs, saved ?? '?'];
  };
  return toCsv([header, ...summary.groups.map((g) => row(g.key, g, g.savings.savedUsd)), row('total', summary.totals, summary.savings.savedUsd)]);
}

/** `tandem stats --by <key>` as plain text: one row per pool member or repository. */
export function renderKeyedTable(summary: KeyedSummary, options: TableOptions & { since: Date | null; architectModel: string }): string {
  const columns: Column[] = [{ header: summary.by === 'upstream' ? 'Upstream' : 'Repository', shrink: 'start', min: 16 }, ...USAGE_COLUMNS];
  const rows: Row[] = summary.groups.map((group) => [group.key, ...usageCells(group), formatUsd(group.savings.savedUsd)]);
  rows.push('rule', ['total', ...usageCells(summary.totals), formatUsd(summary.savings.savedUsd)]);
  const heading = `${options.since ? `Model calls since ${formatTime(options.since)}` : 'All recorded model calls'}, by ${summary.by === 'upstream' ? 'upstream' : 'repository'}`;
  return [heading, '', renderColumns(columns, rows, options), '', savingLine(summary.savings, options.architectModel)].join('\n');
}
