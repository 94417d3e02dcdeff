import type { SavedPlan } from '../architect/types.js';
import { formatLatency, formatTokens, formatUsd } from './format.js';
import { renderColumns, type Row } from './layout.js';

/**
 * What each version of a revised plan cost: the first plan, then one row per revision, and their total
 * (the plan's `architect`, which a run of it reports). Empty for a plan that revises nothing.
 */
export function renderVersionCosts(plan: SavedPlan, width?: number): string {
  if (!plan.versions || plan.versions.length < 2) return '';
  const rows: Row[] = plan.versions.map((version, i) => {
    const call = version.architect;
    return [i === 0 ? 'plan' : `revision ${i}`, version.id, call.model, formatTokens(call.promptTokens, call.completionTokens), formatLatency(call.latencyMs), formatUsd(call.costUsd)];
  });
  const total = plan.architect;
  rows.push('rule', ['total', '', '', formatTokens(total.promptTokens, total.completionTokens), formatLatency(total.latencyMs), formatUsd(total.costUsd)]);
  return renderColumns(
    [{ header: 'Version' }, { header: 'Plan', shrink: 'end' }, { header: 'Model', shrink: 'end' }, { header: 'Tokens in/out', align: 'right' }, { header: 'Latency', align: 'right' }, { header: 'Cost', align: 'right' }],
    rows,
    width,
  );
}
