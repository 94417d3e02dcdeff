import type { ActivityRecord } from '../activity/types.js';
import type { Pricing, RoleName } from '../config/types.js';
import { computeSavings, exactCost } from '../report/savings.js';
import type { Savings } from '../report/types.js';
import { sumUsage, UsageAccumulator, type UsageSum } from './usage-sum.js';

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
export function aggregateStats(records: Iterable<ActivityRecord>, architectPricing?: Pricing): StatsSummary {
  const stats = new StatsAccumulator();
  for (const record of records) stats.add(record);
  return stats.summary(architectPricing);
}

interface GroupSums {
  role: RoleName;
  model: string;
  provider: string;
  usage: UsageAccumulator;
}

/** The sums behind a StatsSummary, one record at a time. */
export class StatsAccumulator {
  private readonly groups = new Map<string, GroupSums>();
  private readonly totals = new UsageAccumulator();
  private readonly architect = new UsageAccumulator();
  private otherPrompt = 0;
  private otherCompletion = 0;

  /** Counts one call in its group and in the totals. */
  add(record: ActivityRecord): void {
    // Warm-ups (a model load, in `tandem log`) would skew the editor's latency figures: they are left out.
    if (record.kind === 'warm-up') return;
    const key = `${record.role}\u0000${record.model}\u0000${record.provider}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { role: record.role, model: record.model, provider: record.provider, usage: new UsageAccumulator() };
      this.groups.set(key, group);
    }
    group.usage.add(record);
    this.totals.add(record);
    if (record.role === 'architect') {
      this.architect.add(record);
    } else {
      this.otherPrompt += record.promptTokens;
      this.otherCompletion += record.completionTokens;
    }
  }

  /** The summary of the calls so far. */
  summary(architectPricing?: Pricing): StatsSummary {
    const groups = [...this.groups.values()]
      .map((group): StatsGroup => {
        const usage = group.usage.result();
        // Computed like the whole's: an architect group saves nothing, another's tokens are priced at the architect's rates.
        const own = group.role === 'architect' ? { architect: usage, others: NO_TOKENS } : { architect: EMPTY, others: usage };
        return { role: group.role, model: group.model, provider: group.provider, ...usage, savings: savingsFrom(own.architect, own.others, usage, architectPricing) };
      })
      .sort(
        (a, b) =>
          ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || compare(a.model, b.model) || compare(a.provider, b.provider),
      );
    const totals = this.totals.result();
    const others = { promptTokens: this.otherPrompt, completionTokens: this.otherCompletion };
    return { groups, totals, savings: savingsFrom(this.architect.result(), others, totals, architectPricing) };
  }
}

const NO_TOKENS = { promptTokens: 0, completionTokens: 0 };
const EMPTY = sumUsage([]);

/** The saving of a set of calls against running all of them on the architect's model. */
export function savingsOf(records: ActivityRecord[], totals: UsageSum, architectPricing?: Pricing): Savings {
  const architect = sumUsage(records.filter((record) => record.role === 'architect'));
  const others = records.filter((record) => record.role !== 'architect');
  return savingsFrom(
    architect,
    {
      promptTokens: others.reduce((sum, record) => sum + record.promptTokens, 0),
      completionTokens: others.reduce((sum, record) => sum + record.completionTokens, 0),
    },
    totals,
    architectPricing,
  );
}

function savingsFrom(architect: UsageSum, others: { promptTokens: number; completionTokens: number }, totals: UsageSum, architectPricing?: Pricing): Savings {
  return computeSavings({
    architect: { model: '', provider: '', promptTokens: architect.promptTokens, completionTokens: architect.completionTokens, latencyMs: 0, costUsd: exactCost(architect.cost) },
    editorTokens: others,
    actualUsd: exactCost(totals.cost),
    architectPricing,
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
