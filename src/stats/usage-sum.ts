import type { ActivityRecord } from '../activity/types.js';
import { sumCosts, type CostSum } from '../report/savings.js';
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

function estimatedMark(records: ActivityRecord[]): Pick<UsageSum, 'estimatedCalls' | 'usageSource'> {
  const estimated = records.filter((record) => record.usageSource === 'estimated').length;
  return estimated > 0 ? { usageSource: 'estimated', estimatedCalls: estimated } : {};
}

/**
 * Sums calls. A failed call counts as a failure and adds no usage: it carries no tokens and its cost is
 * unknown only because nothing was billed as far as anyone reported, so, as in the run report, it does not
 * turn the sum into a lower bound (a failed call whose cost is known still adds it). Latency percentiles
 * cover successful calls, so quick refusals do not hide slow answers.
 */
export function sumUsage(records: ActivityRecord[]): UsageSum {
  const ok = records.filter((record) => record.status === 'ok');
  const costs = records.filter((record) => record.status === 'ok' || record.costUsd !== null).map((record) => record.costUsd);
  const latencies = ok.map((record) => record.latencyMs);
  return {
    calls: records.length,
    failures: records.length - ok.length,
    promptTokens: records.reduce((sum, record) => sum + record.promptTokens, 0),
    completionTokens: records.reduce((sum, record) => sum + record.completionTokens, 0),
    cachedTokens: records.reduce((sum, record) => sum + (record.cachedTokens ?? 0), 0),
    cacheWriteTokens: records.reduce((sum, record) => sum + (record.cacheWriteTokens ?? 0), 0),
    latencyMs: records.reduce((sum, record) => sum + record.latencyMs, 0),
    cost: sumCosts(costs),
    unknownCostCalls: costs.filter((cost) => cost === null).length,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    ...estimatedMark(records),
  };
}
