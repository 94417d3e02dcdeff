import type { ActivityRecord } from '../activity/types.js';
import type { Pricing } from '../config/types.js';
import type { Savings } from '../report/types.js';
import { savingsOf } from './aggregate.js';
import { sumUsage, type UsageSum } from './usage-sum.js';

/** What `tandem stats --by` can group on besides role, model and provider. */
export type StatsKey = 'upstream' | 'repo';

/** The label of records that do not say: a call made straight to a host, or a log from before records named it. */
export const UNNAMED = '(not named)';

/** The calls of one pool member or one repository. */
export interface KeyedGroup extends UsageSum {
  key: string;
  savings: Savings;
}

/** `tandem stats --by upstream|repo`: one group per value of the key, the totals and the saving. */
export interface KeyedSummary {
  by: StatsKey;
  groups: KeyedGroup[];
  totals: UsageSum;
  savings: Savings;
}

/**
 * Sums records by pool member or repository, so a slow or failing host (p50/p95, failures) or a costly
 * repository stands out. Groups are sorted by name, the unnamed last; each saving follows the report contract.
 */
export function aggregateByKey(records: ActivityRecord[], by: StatsKey, architectPricing?: Pricing): KeyedSummary {
  const groups = new Map<string, ActivityRecord[]>();
  for (const record of records) {
    // Warm-ups (model loads, in `tandem log`) are left out, as in the by-model summary.
    if (record.kind === 'warm-up') continue;
    const key = record[by] ?? UNNAMED;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => (a === UNNAMED ? 1 : b === UNNAMED ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const totals = sumUsage(records);
  return {
    by,
    groups: sorted.map(([key, calls]) => {
      const usage = sumUsage(calls);
      return { key, ...usage, savings: savingsOf(calls, usage, architectPricing) };
    }),
    totals,
    savings: savingsOf(records, totals, architectPricing),
  };
}
