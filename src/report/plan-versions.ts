import type { SavedPlan } from '../architect/types.js';
import { formatLatency, formatTokens, formatUsd } from './format.js';
import { dimTone } from './color.js';
import { renderColumns, type Row, type TableOptions } from './layout.js';

/**
 * What each version of a revised plan cost: the first plan, then one row per revision, and their total
 * (the plan's `architect`, which a run of it reports). Empty for a plan that revises nothing.
 */
export function renderVersionCosts(plan: SavedPlan, options: TableOptions = {}): string {
  if (!plan.versions || plan.versions.length < 2) return '';
  const rows: Row[] = plan.versions.map((version, i) => {
    const call = version.architect;
    return [i === 0 ? 'plan' : `revision ${i}`, version.id, call.model, formatTokens(call.promptTokens, call.completionTokens), formatLatency(call.latencyMs), formatUsd(call.costUsd)];
  });
  const total = plan.architect;
  rows.push('rule', ['total', '', '', formatTokens(total.promptTokens, total.completionTokens), formatLatency(total.latencyMs), formatUsd(total.costUsd)]);
  return renderColumns(
    [{ header: 'Version' }, { header: 'Plan', shrink: 'middle', min: 12 }, { header: 'Model', shrink: 'middle', min: 16, drop: 3 }, { header: 'Tokens in/out', align: 'right', drop: 1 }, { header: 'Latency', align: 'right', drop: 2 }, { header: 'Cost', align: 'right', tone: dimTone }],
    rows,
    options,
  );
}
