import { describe, expect, test } from 'vitest';
import { aggregateStats } from '../../src/stats/aggregate.js';
import { sumUsage } from '../../src/stats/usage-sum.js';
import { call, failed, SESSION, SONNET_PRICING } from './records.js';

const FALLBACK = call({ role: 'fallback', model: 'openai/gpt-4o-mini', provider: 'openrouter', step: 1, promptTokens: 700, completionTokens: 90, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 2000, costUsd: null, costSource: 'unknown' });

describe('sumUsage', () => {
  test.each([
    {
      name: 'no calls',
      records: [],
      want: { calls: 0, failures: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 0, cost: { usd: 0, partial: false }, unknownCostCalls: 0, p50LatencyMs: null, p95LatencyMs: null },
    },
    {
      name: 'the session',
      records: SESSION,
      want: { calls: 6, failures: 1, promptTokens: 4900, completionTokens: 870, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 19405, cost: { usd: 0.0165, partial: false }, unknownCostCalls: 0, p50LatencyMs: 3000, p95LatencyMs: 8200 },
    },
    {
      name: 'a successful call of unknown cost makes the sum a lower bound',
      records: [...SESSION, FALLBACK],
      want: { calls: 7, failures: 1, promptTokens: 5600, completionTokens: 960, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 21405, cost: { usd: 0.0165, partial: true }, unknownCostCalls: 1, p50LatencyMs: 2000, p95LatencyMs: 8200 },
    },
    {
      name: 'only calls of unknown cost: nothing is known',
      records: [FALLBACK, FALLBACK],
      want: { calls: 2, failures: 0, promptTokens: 1400, completionTokens: 180, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 4000, cost: null, unknownCostCalls: 2, p50LatencyMs: 2000, p95LatencyMs: 2000 },
    },
    {
      name: 'failures only: no usage, no latency, and their unknown cost is no unknown part',
      records: [failed(), failed({ latencyMs: 30000 })],
      want: { calls: 2, failures: 2, promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 30005, cost: { usd: 0, partial: false }, unknownCostCalls: 0, p50LatencyMs: null, p95LatencyMs: null },
    },
    {
      name: 'a failed call whose cost the gateway reported still costs it',
      records: [call({ costUsd: 0.1 }), failed({ costUsd: 0.2, costSource: 'gateway' })],
      want: { calls: 2, failures: 1, promptTokens: 0, completionTokens: 0, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 1005, cost: { usd: 0.3, partial: false }, unknownCostCalls: 0, p50LatencyMs: 1000, p95LatencyMs: 1000 },
    },
  ])('$name', ({ records, want }) => {
    expect(sumUsage(records)).toEqual(want);
  });
});

describe('aggregateStats', () => {
  test('groups by role, model and provider, in role order, with each group saving against the architect', () => {
    const reordered = [SESSION[1], SESSION[0], ...SESSION.slice(2)];
    const summary = aggregateStats(reordered, SONNET_PRICING);
    expect(summary.groups).toEqual([
      {
        role: 'architect', model: 'anthropic/claude-sonnet-4', provider: 'anthropic',
        calls: 2, failures: 0, promptTokens: 3000, completionTokens: 500, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 14300, cost: { usd: 0.0165, partial: false }, unknownCostCalls: 0,
        p50LatencyMs: 6100, p95LatencyMs: 8200,
        savings: { actualUsd: 0.0165, allCloudUsd: 0.0165, savedUsd: 0, savedPct: 0 },
      },
      {
        role: 'editor', model: 'auto_tandem_router', provider: '_tandem_local_router',
        calls: 4, failures: 1, promptTokens: 1900, completionTokens: 370, cachedTokens: 0, cacheWriteTokens: 0, latencyMs: 5105, cost: { usd: 0, partial: false }, unknownCostCalls: 0,
        p50LatencyMs: 1200, p95LatencyMs: 3000,
        // 1,900 in at $3 and 370 out at $15 per million.
        savings: { actualUsd: 0, allCloudUsd: 0.01125, savedUsd: 0.01125, savedPct: 100 },
      },
    ]);
    expect(summary.totals.calls).toBe(6);
    expect(summary.savings).toEqual({ actualUsd: 0.0165, allCloudUsd: 0.02775, savedUsd: 0.01125, savedPct: 40.5 });
  });

  test.each([
    {
      name: 'a call of unknown cost: the actual cost and so the saving are unknown, the all-cloud cost is not',
      records: [...SESSION, FALLBACK],
      pricing: SONNET_PRICING,
      // 0.0165 + (2,600 in, 460 out) at the architect's rates.
      want: { actualUsd: null, allCloudUsd: 0.0312, savedUsd: null, savedPct: null },
    },
    {
      name: 'no architect pricing: all-cloud is unknown',
      records: SESSION,
      pricing: undefined,
      want: { actualUsd: 0.0165, allCloudUsd: null, savedUsd: null, savedPct: null },
    },
    {
      name: 'an architect call of unknown cost: all-cloud is unknown',
      records: [...SESSION, call({ role: 'architect', model: 'x', provider: 'y', costUsd: null, costSource: 'unknown' })],
      pricing: SONNET_PRICING,
      want: { actualUsd: null, allCloudUsd: null, savedUsd: null, savedPct: null },
    },
    {
      name: 'editor calls only',
      records: SESSION.filter((record) => record.role === 'editor'),
      pricing: SONNET_PRICING,
      want: { actualUsd: 0, allCloudUsd: 0.01125, savedUsd: 0.01125, savedPct: 100 },
    },
    {
      name: 'a cloud editor that costs more than the architect would have',
      records: [call({ model: 'big', provider: 'p', promptTokens: 1000, completionTokens: 0, costUsd: 0.004 })],
      pricing: SONNET_PRICING,
      want: { actualUsd: 0.004, allCloudUsd: 0.003, savedUsd: -0.001, savedPct: -33.3 },
    },
    {
      name: 'nothing recorded',
      records: [],
      pricing: SONNET_PRICING,
      want: { actualUsd: 0, allCloudUsd: 0, savedUsd: 0, savedPct: null },
    },
  ])('saving: $name', ({ records, pricing, want }) => {
    expect(aggregateStats(records, pricing).savings).toEqual(want);
  });

  test('the fallback group of unknown cost has a known all-cloud price but no saving', () => {
    const group = aggregateStats([...SESSION, FALLBACK], SONNET_PRICING).groups.find((g) => g.role === 'fallback');
    expect(group).toMatchObject({ cost: null, unknownCostCalls: 1, savings: { actualUsd: null, allCloudUsd: 0.00345, savedUsd: null, savedPct: null } });
  });

  test('the same model through two providers makes two groups, sorted by provider', () => {
    const groups = aggregateStats([call({ provider: 'z' }), call({ provider: 'a' }), call({ provider: 'z' })], SONNET_PRICING).groups;
    expect(groups.map((g) => [g.provider, g.calls])).toEqual([['a', 1], ['z', 2]]);
  });
});
