import { describe, expect, test } from 'vitest';
import { aggregateStats } from '../../src/stats/aggregate.js';
import { csvField, toCsv } from '../../src/stats/csv.js';
import { statsCsv, statsJson } from '../../src/stats/export.js';
import { call, SESSION, SONNET_PRICING } from './records.js';

const ODD = call({ role: 'fallback', model: 'acme/"big", v2', provider: 'line\nbreak', promptTokens: 700, completionTokens: 90, latencyMs: 2000, costUsd: null, costSource: 'unknown' });

describe('CSV (RFC 4180)', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r', '"cr\r"'],
    ['', ''],
    [0.0165, '0.0165'],
    [null, ''],
  ])('%j is written as %j', (value, want) => {
    expect(csvField(value)).toBe(want);
  });

  test('records end with CRLF', () => {
    expect(toCsv([['a', 1], ['b,c', null]])).toBe('a,1\r\n"b,c",\r\n');
  });

  test('stats: a header, one row per group and a total row; unknown money is "?"', () => {
    expect(statsCsv(aggregateStats([...SESSION, ODD], SONNET_PRICING)).split('\r\n')).toEqual([
      'role,model,provider,calls,failures,prompt_tokens,completion_tokens,cost_usd,known_cost_usd,unknown_cost_calls,p50_latency_ms,p95_latency_ms,all_cloud_usd,saved_usd,saved_pct,cached_tokens,cache_write_tokens',
      'architect,anthropic/claude-sonnet-4,anthropic,2,0,3000,500,0.0165,0.0165,0,6100,8200,0.0165,0,0,0,0',
      'editor,auto_tandem_router,_tandem_local_router,4,1,1900,370,0,0,0,1200,3000,0.01125,0.01125,100,0,0',
      'fallback,"acme/""big"", v2","line\nbreak",1,0,700,90,?,0,1,2000,2000,0.00345,?,?,0,0',
      'total,,,7,1,5600,960,?,0.0165,1,2000,8200,0.0312,?,?,0,0',
      '',
    ]);
  });

  test('no calls: the header and a zero total row with empty latencies', () => {
    expect(statsCsv(aggregateStats([], SONNET_PRICING)).split('\r\n').slice(1)).toEqual(['total,,,0,0,0,0,0,0,0,,,0,0,?,0,0', '']);
  });
});

describe('statsJson', () => {
  test('the period, each group, the totals and the saving, with exact or null costs', () => {
    const summary = aggregateStats([SESSION[0], ODD], SONNET_PRICING);
    expect(statsJson(summary, { since: new Date('2025-03-01T00:00:00Z'), until: new Date('2025-03-08T00:00:00Z') })).toEqual({
      since: '2025-03-01T00:00:00.000Z',
      until: '2025-03-08T00:00:00.000Z',
      groups: [
        {
          role: 'architect', model: 'anthropic/claude-sonnet-4', provider: 'anthropic',
          calls: 1, failures: 0, promptTokens: 1000, completionTokens: 200, cachedTokens: 0, cacheWriteTokens: 0, costUsd: 0.006, knownCostUsd: 0.006, unknownCostCalls: 0, p50LatencyMs: 8200, p95LatencyMs: 8200,
          savings: { actualUsd: 0.006, allCloudUsd: 0.006, savedUsd: 0, savedPct: 0 },
        },
        {
          role: 'fallback', model: 'acme/"big", v2', provider: 'line\nbreak',
          calls: 1, failures: 0, promptTokens: 700, completionTokens: 90, cachedTokens: 0, cacheWriteTokens: 0, costUsd: null, knownCostUsd: 0, unknownCostCalls: 1, p50LatencyMs: 2000, p95LatencyMs: 2000,
          savings: { actualUsd: null, allCloudUsd: 0.00345, savedUsd: null, savedPct: null },
        },
      ],
      totals: { calls: 2, failures: 0, promptTokens: 1700, completionTokens: 290, cachedTokens: 0, cacheWriteTokens: 0, costUsd: null, knownCostUsd: 0.006, unknownCostCalls: 1, p50LatencyMs: 2000, p95LatencyMs: 8200 },
      savings: { actualUsd: null, allCloudUsd: 0.00945, savedUsd: null, savedPct: null },
    });
  });
});
