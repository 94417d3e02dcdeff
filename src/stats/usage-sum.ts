import type { ActivityRecord } from '../activity/types.js';
import { roundUsd } from '../architect/summarize.js';
import type { CostSum } from '../report/savings.js';
import { percentile } from './percentile.js';

/** What a set of model calls added up to. */
export interface UsageSum {
  calls: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens read from a prompt cache, and written to one (both within promptTokens). */
  cachedTokens: number;
  cacheWriteTokens: number;
  /** Time spent waiting on the calls, failed ones included. */
  latencyMs: number;
  /** Null when no cost is known at all; `partial` when some is unknown (then `usd` is only a lower bound). */
  cost: CostSum | null;
  /** Calls whose cost counts but is unknown. */
  unknownCostCalls: number;
  /** Latency percentiles of the successful calls (null when none succeeded). */
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  /** Present when some calls' tokens were counted by tandem (the gateway sent no usage): how many. */
  estimatedCalls?: number;
  usageSource?: 'estimated';
}

/**
 * Sums calls. A failed call counts as a failure and adds no usage: it carries no tokens and its cost is
 * unknown only because nothing was billed as far as anyone reported, so, as in the run report, it does not
 * turn the sum into a lower bound (a failed call whose cost is known still adds it). Latency percentiles
 * cover successful calls, so quick refusals do not hide slow answers.
 */
export function sumUsage(records: Iterable<ActivityRecord>): UsageSum {
  const sum = new UsageAccumulator();
  for (const record of records) sum.add(record);
  return sum.result();
}

/** sumUsage one record at a time, so a long log can be summed as it streams by. */
export class UsageAccumulator {
  private calls = 0;
  private failures = 0;
  private promptTokens = 0;
  private completionTokens = 0;
  private cachedTokens = 0;
  private cacheWriteTokens = 0;
  private latencyMs = 0;
  private costs = 0;
  private knownUsd = 0;
  private unknownCostCalls = 0;
  private estimatedCalls = 0;
  private readonly latencies: number[] = [];

  /** Counts one call. */
  add(record: ActivityRecord): void {
    this.calls++;
    this.promptTokens += record.promptTokens;
    this.completionTokens += record.completionTokens;
    this.cachedTokens += record.cachedTokens ?? 0;
    this.cacheWriteTokens += record.cacheWriteTokens ?? 0;
    this.latencyMs += record.latencyMs;
    if (record.usageSource === 'estimated') this.estimatedCalls++;
    const ok = record.status === 'ok';
    if (ok) this.latencies.push(record.latencyMs);
    else this.failures++;
    if (!ok && record.costUsd === null) return;
    this.costs++;
    if (record.costUsd === null) this.unknownCostCalls++;
    else this.knownUsd += record.costUsd;
  }

  /** What the calls so far add up to. */
  result(): UsageSum {
    const known = this.costs - this.unknownCostCalls;
    return {
      calls: this.calls,
      failures: this.failures,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      cachedTokens: this.cachedTokens,
      cacheWriteTokens: this.cacheWriteTokens,
      latencyMs: this.latencyMs,
      cost: this.costs > 0 && known === 0 ? null : { usd: roundUsd(this.knownUsd), partial: known < this.costs },
      unknownCostCalls: this.unknownCostCalls,
      p50LatencyMs: percentile(this.latencies, 50),
      p95LatencyMs: percentile(this.latencies, 95),
      ...(this.estimatedCalls > 0 && { usageSource: 'estimated' as const, estimatedCalls: this.estimatedCalls }),
    };
  }
}
