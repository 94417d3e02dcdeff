import type { ActivityRecord } from '../activity/types.js';
import type { Pricing, RoleName } from '../config/types.js';
import { computeSavings, exactCost } from '../report/savings.js';
import type { Savings } from '../report/types.js';
import { sumUsage, type UsageSum } from './usage-sum.js';

/** The calls of one role, model and provider, and what they saved against the architect's model. */
export interface StatsGroup extends UsageSum {
  role: RoleName;
  model: string;
  provider: string;
  savings: Savings;
}

/** `tandem stats`: the activity log summed by role, model and provider, with the saving against all-cloud. */
export interface StatsSummary {
  groups: StatsGroup[];
  totals: UsageSum;
  savings: Savings;
}

const ROLE_ORDER: RoleName[] = ['architect', 'editor', 'fallback', 'summarizer'];

/**
 * Sums records by role, model and provider (groups in role order, then by model and provider). The saving
 * follows the report contract over the whole set: the architect's actual cost plus every other role's
 * tokens at the architect's rates (`architectPricing`) is what the cloud model alone would have cost.
 */
export function aggregateStats(records: ActivityRecord[], architectPricing?: Pricing): StatsSummary {
  const byKey = new Map<string, ActivityRecord[]>();
  for (const record of records) {
    const key = JSON.stringify([record.role, record.model, record.provider]);
    const group = byKey.get(key);
    if (group) group.push(record);
    else byKey.set(key, [record]);
  }
  const groups = [...byKey.values()]
    .map((calls): StatsGroup => {
      const usage = sumUsage(calls);
      // Computed like the whole's: an architect group saves nothing, another's tokens are priced at the architect's rates.
      return { role: calls[0].role, model: calls[0].model, provider: calls[0].provider, ...usage, savings: savingsOf(calls, usage, architectPricing) };
    })
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compare(a.model, b.model) || compare(a.provider, b.provider),
    );
  const totals = sumUsage(records);
  return { groups, totals, savings: savingsOf(records, totals, architectPricing) };
}

/** The saving of a set of calls against running all of them on the architect's model. */
export function savingsOf(records: ActivityRecord[], totals: UsageSum, architectPricing?: Pricing): Savings {
  const architect = sumUsage(records.filter((record) => record.role === 'architect'));
  const others = records.filter((record) => record.role !== 'architect');
  return computeSavings({
    architect: { model: '', provider: '', promptTokens: architect.promptTokens, completionTokens: architect.completionTokens, latencyMs: 0, costUsd: exactCost(architect.cost) },
    editorTokens: {
      promptTokens: others.reduce((sum, record) => sum + record.promptTokens, 0),
      completionTokens: others.reduce((sum, record) => sum + record.completionTokens, 0),
    },
    actualUsd: exactCost(totals.cost),
    architectPricing,
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
