import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActivityRecord } from '../../src/activity/types.js';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';
import { call, SESSION } from '../stats/records.js';

let repo: GitFixture;
const env = { TZ: 'UTC' };

async function writeLog(root: string, records: ActivityRecord[]): Promise<void> {
  await mkdir(join(root, '.tandem'), { recursive: true });
  await writeFile(join(root, '.tandem', 'activity.jsonl'), records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}

beforeAll(async () => {
  // The architect's prices come from the config: twice claude-sonnet-4's, so the saving doubles.
  repo = await gitFixture({ 'tandem.config.json': JSON.stringify({ architect: { model: 'acme/architect', pricing: { input: 6, output: 30 } } }) });
  await writeLog(repo.root, [
    ...SESSION,
    call({ ts: '2025-03-02T09:30:00.000Z', role: 'fallback', model: 'acme/"big", v2', provider: 'openrouter', promptTokens: 700, completionTokens: 90, latencyMs: 2000, costUsd: null, costSource: 'unknown' }),
  ]);
});
afterAll(() => repo.cleanup());

describe('tandem stats through the built CLI', () => {
  test('a table of the whole log, with the saving priced at the configured architect rates', async () => {
    const run = await runCli(['stats', '--since', '2025-03-01T10:00:00Z'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'Model calls since 2025-03-01 10:00:00',
      '',
      'Role       Model                      Provider              Calls  Failed  Tokens in/out      Cost   p50   p95    Saved',
      'architect  anthropic/claude-sonnet-4  anthropic                 2       0    3,000 / 500   $0.0165  6.1s  8.2s  $0.0000',
      'editor     auto_tandem_router         _tandem_local_router      4       1    1,900 / 370   $0.0000  1.2s  3.0s  $0.0225',
      'fallback   acme/"big", v2             openrouter                1       0       700 / 90         ?  2.0s  2.0s        ?',
      '-'.repeat(119),
      'total                                                           7       1    5,600 / 960  ≥$0.0165  2.0s  8.2s        ?',
      '',
      '≥ marks a lower bound: 1 call has no known cost (no cost from the gateway and no pricing set)',
      'saving unknown: the cost of some calls is unknown (no cost from the gateway and no pricing set)',
    ]);
  });

  test('--since keeps only the period; --json gives exact numbers and the saving', async () => {
    const run = await runCli(['stats', '--since', '2025-03-02', '--json'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.since).toBe('2025-03-02T00:00:00.000Z');
    expect(json.groups.map((g: { role: string; calls: number }) => [g.role, g.calls])).toEqual([['architect', 1], ['fallback', 1]]);
    expect(json.totals).toEqual({
      calls: 2, failures: 0, promptTokens: 2700, completionTokens: 390, cachedTokens: 0, cacheWriteTokens: 0, costUsd: null, knownCostUsd: 0.0105, unknownCostCalls: 1, p50LatencyMs: 2000, p95LatencyMs: 6100,
    });
    // 0.0105 + 700 in and 90 out at 6/30 per million.
    expect(json.savings).toEqual({ actualUsd: null, allCloudUsd: 0.0174, savedUsd: null, savedPct: null });
  });

  test('--csv is RFC 4180', async () => {
    const run = await runCli(['stats', '--csv', '--since', '2025-03-02'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    // runCli drops the final CRLF, as execa strips a last line break.
    expect(run.stdout.split('\r\n')).toEqual([
      'role,model,provider,calls,failures,prompt_tokens,completion_tokens,cost_usd,known_cost_usd,unknown_cost_calls,p50_latency_ms,p95_latency_ms,all_cloud_usd,saved_usd,saved_pct,cached_tokens,cache_write_tokens',
      'architect,anthropic/claude-sonnet-4,anthropic,1,0,2000,300,0.0105,0.0105,0,6100,6100,0.0105,0,0,0,0',
      'fallback,"acme/""big"", v2",openrouter,1,0,700,90,?,0,1,2000,2000,0.0069,?,?,0,0',
      'total,,,2,0,2700,390,?,0.0105,1,2000,6100,0.0174,?,?,0,0',
    ]);
  });

  test('usage errors exit 2: a bad period, both --json and --csv', async () => {
    const bad = await runCli(['stats', '--since', 'last week'], { cwd: repo.root, env });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('tandem: invalid --since "last week"\n  give a span such as 30m, 24h, 7d or 2w, or an ISO date such as 2025-03-01');
    const both = await runCli(['stats', '--json', '--csv'], { cwd: repo.root, env });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toBe('tandem: choose one of --json and --csv');
  });

  test('a period with no calls says so', async () => {
    const run = await runCli(['stats', '--since', '2030-01-01'], { cwd: repo.root, env });
    expect([run.exitCode, run.stdout]).toEqual([0, 'No model calls recorded in this period in .tandem/activity.jsonl.']);
  });
});
