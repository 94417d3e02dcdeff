import { exactCost } from '../report/savings.js';
import type { Savings } from '../report/types.js';
import type { StatsGroup, StatsSummary } from './aggregate.js';
import { toCsv } from './csv.js';
import type { UsageSum } from './usage-sum.js';

/** The counts of a UsageSum that go to JSON as they are. */
type UsageCounts = Pick<UsageSum, 'calls' | 'failures' | 'promptTokens' | 'completionTokens' | 'cachedTokens' | 'cacheWriteTokens' | 'unknownCostCalls' | 'p50LatencyMs' | 'p95LatencyMs' | 'usageSource' | 'estimatedCalls'>;

/** A UsageSum as plain JSON numbers: `costUsd` is exact or null; `knownCostUsd` is the sum of the known costs. */
export interface UsageJson extends UsageCounts {
  costUsd: number | null;
  knownCostUsd: number;
}

/** `tandem stats --json`. */
export interface StatsJson {
  since: string | null;
  until: string;
  groups: Array<UsageJson & { role: string; model: string; provider: string; savings: Savings }>;
  totals: UsageJson;
  savings: Savings;
}

/** The summary as the `--json` object: the period, each group, the totals and the saving. */
export function statsJson(summary: StatsSummary, period: { since: Date | null; until: Date }): StatsJson {
  return {
    since: period.since?.toISOString() ?? null,
    until: period.until.toISOString(),
    groups: summary.groups.map((group) => ({ role: group.role, model: group.model, provider: group.provider, ...usageJson(group), savings: group.savings })),
    totals: usageJson(summary.totals),
    savings: summary.savings,
  };
}

/** A UsageSum as the plain numbers of the `--json` output. */
export function usageJson(usage: UsageSum): UsageJson {
  return {
    calls: usage.calls,
    failures: usage.failures,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    cachedTokens: usage.cachedTokens,
    cacheWriteTokens: usage.cacheWriteTokens,
    costUsd: exactCost(usage.cost),
    knownCostUsd: usage.cost?.usd ?? 0,
    unknownCostCalls: usage.unknownCostCalls,
    p50LatencyMs: usage.p50LatencyMs,
    p95LatencyMs: usage.p95LatencyMs,
    ...(usage.usageSource && { usageSource: usage.usageSource, estimatedCalls: usage.estimatedCalls }),
  };
}

const CSV_HEADER = [
  'role', 'model', 'provider', 'calls', 'failures', 'prompt_tokens', 'completion_tokens', 'cost_usd', 'known_cost_usd',
  'unknown_cost_calls', 'p50_latency_ms', 'p95_latency_ms', 'all_cloud_usd', 'saved_usd', 'saved_pct', 'cached_tokens', 'cache_write_tokens',
];

/**
 * `tandem stats --csv`: a header, one row per group and a `total` row. An unknown cost or saving is `?`
 * (a cost with unknown parts too: `known_cost_usd` then holds its lower bound); no latency is an empty field.
 */
export function statsCsv(summary: StatsSummary): string {
  const row = (labels: string[], usage: UsageSum, savings: Savings) => {
    const json = usageJson(usage);
    return [
      ...labels, json.calls, json.failures, json.promptTokens, json.completionTokens, known(json.costUsd), json.knownCostUsd,
      json.unknownCostCalls, json.p50LatencyMs, json.p95LatencyMs, known(savings.allCloudUsd), known(savings.savedUsd), known(savings.savedPct),
      json.cachedTokens, json.cacheWriteTokens,
    ];
  };
  return toCsv([
    CSV_HEADER,
    ...summary.groups.map((group: StatsGroup) => row([group.role, group.model, group.provider], group, group.savings)),
    row(['total', '', ''], summary.totals, summary.savings),
  ]);
}

function known(value: number | null): number | string {
  return value ?? '?';
}
