import { describe, expect, test } from 'vitest';
import { aggregateStats } from '../../src/stats/aggregate.js';
import { renderStatsTable } from '../../src/stats/table.js';
import { call, SESSION, SONNET_PRICING } from './records.js';

const ARCHITECT = 'anthropic/claude-sonnet-4';

describe('renderStatsTable', () => {
  test('one row per role, model and provider, a totals row and the saving', () => {
    const since = new Date(2025, 2, 1, 10, 0, 0);
    expect(renderStatsTable(aggregateStats(SESSION, SONNET_PRICING), { since, architectModel: ARCHITECT })).toBe(
      [
        'Model calls since 2025-03-01 10:00:00',
        '',
        'Role       Model                      Provider              Calls  Failed  Tokens in/out     Cost   p50   p95    Saved',
        'architect  anthropic/claude-sonnet-4  anthropic                 2       0    3,000 / 500  $0.0165  6.1s  8.2s  $0.0000',
        'editor     auto_tandem_router         _tandem_local_router      4       1    1,900 / 370  $0.0000  1.2s  3.0s  $0.0112',
        '-'.repeat(118),
        'total                                                           6       1    4,900 / 870  $0.0165  3.0s  8.2s  $0.0112',
        '',
        `saved $0.0112 (41%) against running every step on ${ARCHITECT}`,
      ].join('\n'),
    );
  });

  test('calls counted by tandem (no usage from the gateway) are marked ~ in their rows and the total, and counted under the table', () => {
    const counted = call({ role: 'editor', model: 'qwen', provider: 'portkey', promptTokens: 900, completionTokens: 80, costUsd: 0, usageSource: 'estimated' });
    const summary = aggregateStats([...SESSION, counted], SONNET_PRICING);
    expect(summary.totals).toMatchObject({ usageSource: 'estimated', estimatedCalls: 1 });
    expect(summary.groups.find((g) => g.model === 'qwen')).toMatchObject({ usageSource: 'estimated', estimatedCalls: 1 });
    expect(summary.groups.find((g) => g.role === 'architect')?.usageSource).toBeUndefined();
    const lines = renderStatsTable(summary, { since: null, architectModel: ARCHITECT }).split('\n');
    expect(lines.find((l) => l.startsWith('editor     qwen'))).toMatch(/~900 \/ ~80 +~\$0\.0000 /);
    expect(lines.find((l) => l.startsWith('architect'))).toMatch(/ 3,000 \/ 500 +\$0\.0165 /);
    expect(lines.find((l) => l.startsWith('total'))).toMatch(/~5,800 \/ ~950 +~\$0\.0165 /);
    expect(lines).toContain("~ marks tandem's own count: 1 call came without usage from the gateway");
  });

  test('an unknown cost is "?", a sum with unknown parts a lower bound, explained under the table', () => {
    const unknown = call({ role: 'fallback', model: 'm', provider: 'p', promptTokens: 700, completionTokens: 90, latencyMs: 2000, costUsd: null, costSource: 'unknown' });
    const failedOnly = call({ role: 'summarizer', model: 's', provider: 'p', status: 'error', costUsd: null, costSource: 'unknown' });
    const text = renderStatsTable(aggregateStats([...SESSION, unknown, failedOnly], SONNET_PRICING), { since: null, architectModel: ARCHITECT });
    const lines = text.split('\n');
    expect(lines[0]).toBe('All recorded model calls');
    expect(lines.slice(5, 9)).toEqual([
      'fallback    m                          p                         1       0       700 / 90         ?  2.0s  2.0s        ?',
      'summarizer  s                          p                         1       1          0 / 0   $0.0000     -     -  $0.0000',
      '-'.repeat(120),
      'total                                                            8       2    5,600 / 960  ≥$0.0165  2.0s  8.2s        ?',
    ]);
    expect(lines.slice(-2)).toEqual([
      '≥ marks a lower bound: 1 call has no known cost (no cost from the gateway and no pricing set)',
      'saving unknown: the cost of some calls is unknown (no cost from the gateway and no pricing set)',
    ]);
  });

  test('without the architect price the saving says what to set', () => {
    const text = renderStatsTable(aggregateStats(SESSION, undefined), { since: null, architectModel: 'acme/x' });
    expect(text.split('\n').at(-1)).toBe('saving unknown: no price known for acme/x (set architect.pricing)');
  });
});
