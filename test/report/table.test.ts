import { describe, expect, it } from 'vitest';
import type { ActivityRecord } from '../../src/activity/types.js';
import { renderActivityTable, renderRunTable, savingLine } from '../../src/report/table.js';
import type { RunReport } from '../../src/report/types.js';
import { call as record } from '../stats/records.js';

process.env.TZ = 'UTC';

const report: RunReport = {
  plan: { id: 'p-1', task: 'add input validation to the signup handler', summary: 'Validate signup input' },
  architect: { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 4200, completionTokens: 310, latencyMs: 8200, costUsd: 0.01725 },
  steps: [
    { index: 1, title: 'Use it', file: 'src/handlers/signup.ts', status: 'applied', model: 'auto_tandem_router', provider: '_tandem_local_router', promptTokens: 1740, completionTokens: 300, latencyMs: 18_200, costUsd: 0, attempts: 3, commit: 'b', fallback: { role: 'fallback', model: 'openai/gpt-4o-mini', provider: 'openai', promptTokens: 900, completionTokens: 150, latencyMs: 2100, costUsd: 0.000225 } },
    { index: 0, title: 'Add schema', file: 'src/validation/signup-schema.ts', status: 'applied', model: 'auto_tandem_router', provider: '_tandem_local_router', promptTokens: 1150, completionTokens: 220, latencyMs: 12_400, costUsd: 0, attempts: 1, commit: 'a' },
    { index: 2, title: 'Test it', file: 'test/signup.test.ts', status: 'failed', model: 'auto_tandem_router', provider: '_tandem_local_router', promptTokens: 840, completionTokens: 95, latencyMs: 9100, costUsd: 0, attempts: 2, commit: null, reason: 'no match' },
    { index: 3, title: 'Docs', file: 'README.md', status: 'skipped', model: 'auto_tandem_router', provider: '', promptTokens: 0, completionTokens: 0, latencyMs: 0, costUsd: 0, attempts: 0, commit: null, reason: 'depends on 3' },
  ],
  totals: { promptTokens: 8830, completionTokens: 1075, latencyMs: 50_000, costUsd: 0.017475 },
  savings: { actualUsd: 0.017475, allCloudUsd: 0.0578, savedUsd: 0.040325, savedPct: 69.8 },
};

describe('renderRunTable', () => {
  it('shows what each version of a revised plan cost under the plan row that sums them', () => {
    const first = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 2000, completionTokens: 200, latencyMs: 4000, costUsd: 0.009 };
    const second = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 2200, completionTokens: 110, latencyMs: 4200, costUsd: 0.00825 };
    const lines = renderRunTable({ ...report, planVersions: [{ id: 'p-0', architect: first }, { id: 'p-1', architect: second }] }).split('\n');
    expect(lines.slice(1, 4).map((line) => line.replace(/ +/g, ' '))).toEqual([
      'plan anthropic/claude-sonnet-4 anthropic 4,200 / 310 8.2s $0.0173 planned (1 revision)',
      '↳ anthropic/claude-sonnet-4 anthropic 2,000 / 200 4.0s $0.0090 first plan',
      '↳ anthropic/claude-sonnet-4 anthropic 2,200 / 110 4.2s $0.0083 revision 1',
    ]);
    expect(lines.find((line) => line.startsWith('total'))).toContain('$0.0175');
  });

  it('prints the plan row, steps in order with the fallback share, totals and the saving', () => {
    expect(renderRunTable(report)).toBe(
      [
        'Step   File                             Model                      Provider              Tokens in/out  Latency     Cost  Status',
        'plan                                    anthropic/claude-sonnet-4  anthropic               4,200 / 310     8.2s  $0.0173  planned',
        '1      src/validation/signup-schema.ts  auto_tandem_router         _tandem_local_router    1,150 / 220    12.4s  $0.0000  applied',
        '2      src/handlers/signup.ts           auto_tandem_router         _tandem_local_router    1,740 / 300    18.2s  $0.0000  applied (3 attempts)',
        '↳                                       openai/gpt-4o-mini         openai                    900 / 150     2.1s  $0.0002  fallback',
        '3      test/signup.test.ts              auto_tandem_router         _tandem_local_router       840 / 95     9.1s  $0.0000  failed (2 attempts)',
        '4      README.md                        -                          -                                 -        -        -  skipped',
        '-'.repeat(152),
        'total                                                                                    8,830 / 1,075    50.0s  $0.0175  2 applied, 1 failed, 1 skipped',
        '',
        'saved $0.0403 (70%) against running every step on anthropic/claude-sonnet-4',
      ].join('\n'),
    );
  });

  it('marks figures counted by tandem (the gateway sent no usage) with ~ and explains the mark', () => {
    const estimated: RunReport = {
      ...report,
      architect: { ...report.architect, usageSource: 'estimated' },
      steps: [report.steps[1]],
      totals: { ...report.totals, usageSource: 'estimated' },
      usageSource: 'estimated',
    };
    const lines = renderRunTable(estimated).split('\n');
    expect(lines[1]).toMatch(/anthropic {2,}~4,200 \/ ~310 {5}8\.2s {2}~\$0\.0173 {2}planned$/);
    expect(lines[2]).toMatch(/ {3}1,150 \/ 220 {4}12\.4s {3}\$0\.0000 {2}applied$/);
    expect(lines[4]).toMatch(/~8,830 \/ ~1,075 {4}50\.0s {2}~\$0\.0175 {2}1 applied$/);
    expect(lines.at(-1)).toBe('~ counted by tandem: the gateway sent no usage for these calls');
  });

  it('shows the bytes each row sent to a cloud role beside the cost when the report carries egress', () => {
    const steps = report.steps.map((step) =>
      step.index === 1 ? { ...step, cloudBytes: 0, fallback: step.fallback && { ...step.fallback, cloudBytes: 2048 } } : { ...step, cloudBytes: 0 },
    );
    const withEgress: RunReport = {
      ...report,
      architect: { ...report.architect, cloudBytes: 5000 },
      steps,
      egress: { cloudBytes: 7048, cloudTokens: 1800, localBytes: 9000, localTokens: 2200, redactions: 0 },
    };
    const lines = renderRunTable(withEgress).split('\n');
    expect(lines[0]).toMatch(/ Cost {2}To cloud {2}Status$/);
    const cloud = lines.map((line) => line.slice(lines[0].indexOf('To cloud') - 2, lines[0].indexOf('To cloud') + 8).trim());
    expect(cloud).toEqual(['To cloud', '4.9 KB', '-', '-', '2.0 KB', '-', '-', '----------', '6.9 KB', '', '']);
  });

  it('fits 80 columns: names cut in the middle, low-priority columns dropped with a note', () => {
    const lines = renderRunTable(report, { width: 80, architectModel: 'claude' }).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Step   File              Model                    Cost  Status',
      'plan                     anthropic/…-sonnet-4  $0.0173  planned',
      '1      …ignup-schema.ts  auto_tandem_router    $0.0000  applied',
    ]);
    expect(lines).toContain('Provider, Tokens in/out, Latency hidden to fit; --wide shows all');
    expect(lines.at(-1)).toBe('saved $0.0403 (70%) against running every step on claude');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
  });

  it('keeps every column whole when the width is unbounded, and colours statuses and costs when asked', () => {
    expect(renderRunTable(report).split('\n')[0]).toContain('Provider');
    const coloured = renderRunTable(report, { color: true }).split('\n');
    expect(coloured[2]).toContain('\x1b[2m$0.0000\x1b[22m');
    expect(coloured[2]).toContain('\x1b[32mapplied\x1b[39m');
    expect(coloured[5]).toContain('\x1b[31mfailed (2 attempts)\x1b[39m');
    expect(coloured[6]).toContain('\x1b[33mskipped\x1b[39m');
  });

  it('says "nothing applied" with what was spent instead of a saving when no step was applied', () => {
    const failed: RunReport = { ...report, steps: report.steps.map((step) => ({ ...step, status: 'failed' as const, commit: null })) };
    expect(renderRunTable(failed).split('\n').at(-1)).toBe('nothing applied; spent $0.0175');
  });

  it('shows unknown costs as ?, a total with an unknown part as a lower bound, and says why the saving is unknown', () => {
    const unknown: RunReport = {
      ...report,
      steps: [{ ...report.steps[1], costUsd: null }],
      totals: { ...report.totals, costUsd: null },
      savings: { actualUsd: null, allCloudUsd: 0.05, savedUsd: null, savedPct: null },
    };
    const lines = renderRunTable(unknown).split('\n');
    expect(lines[2]).toBe('1      src/validation/signup-schema.ts  auto_tandem_router         _tandem_local_router    1,150 / 220    12.4s         ?  applied');
    expect(lines[4]).toBe('total                                                                                    8,830 / 1,075    50.0s  ≥$0.0173  1 applied');
    expect(lines.at(-1)).toBe('saving unknown: the cost of some calls is unknown (no cost from the gateway and no pricing set)');
  });
});

describe('savingLine', () => {
  it.each([
    [{ actualUsd: 0.006, allCloudUsd: 0.02, savedUsd: 0.014, savedPct: 70 }, 'saved $0.0140 (70%) against running every step on m'],
    [{ actualUsd: 0.015, allCloudUsd: 0.01, savedUsd: -0.005, savedPct: -50 }, 'cost $0.0050 (50%) more than running every step on m'],
    [{ actualUsd: 0, allCloudUsd: 0, savedUsd: 0, savedPct: null }, 'saved $0.0000 against running every step on m'],
    [{ actualUsd: 0.01, allCloudUsd: null, savedUsd: null, savedPct: null }, 'saving unknown: no price known for m (set architect.pricing)'],
  ])('%j', (savings, line) => {
    expect(savingLine(savings, 'm')).toBe(line);
  });
});

// The shared test record, with this file's ids, no step and no latency.
const call = (ts: string, overrides: Partial<ActivityRecord>): ActivityRecord => record({ ts, runId: 'r1', planId: 'p1', step: null, latencyMs: 0, ...overrides });

describe('renderActivityTable', () => {
  it('prints every call like the gateway activity log, errors shortened', () => {
    const records = [
      call('2025-03-01T10:01:00.000Z', { role: 'architect', model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 4200, completionTokens: 310, latencyMs: 8200, costUsd: 0.012, costSource: 'gateway' }),
      call('2025-03-01T10:02:00.000Z', { step: 0, promptTokens: 1150, completionTokens: 220, latencyMs: 12_400 }),
      call('2025-03-01T10:03:00.000Z', { step: 1, latencyMs: 30_000, costUsd: null, costSource: 'unknown', status: 'error', error: 'HTTP 502 from FastRouter:\n  upstream model _tandem_local_router is down, try again later' }),
      call('2025-03-01T10:03:05.000Z', { step: 1, role: 'fallback', model: 'openai/gpt-4o-mini', provider: 'openai', promptTokens: 840, completionTokens: 95, latencyMs: 2100, costUsd: 0.0001827 }),
    ];
    expect(renderActivityTable(records)).toBe(
      [
        'Time                 Role       Model                      Provider              Tokens in/out  Latency     Cost  Status',
        '2025-03-01 10:01:00  architect  anthropic/claude-sonnet-4  anthropic               4,200 / 310     8.2s  $0.0120  ok',
        '2025-03-01 10:02:00  editor     auto_tandem_router         _tandem_local_router    1,150 / 220    12.4s  $0.0000  ok',
        '2025-03-01 10:03:00  editor     auto_tandem_router         _tandem_local_router          0 / 0    30.0s        ?  error: HTTP 502 from FastRouter: upstream model _tande…',
        '2025-03-01 10:03:05  fallback   openai/gpt-4o-mini         openai                     840 / 95     2.1s  $0.0002  ok',
      ].join('\n'),
    );
  });

  it('prints just the header for no records', () => {
    expect(renderActivityTable([])).toBe('Time  Role  Model  Provider  Tokens in/out  Latency  Cost  Status');
  });
});

describe('the Upstream column', () => {
  const pooled = (upstreams: Array<string | undefined>): RunReport => ({
    ...report,
    steps: report.steps.map((step, i) => (upstreams[i] === undefined ? step : { ...step, upstream: upstreams[i] })),
  });
  const header = (r: RunReport) => renderRunTable(r).split('\n')[0];

  it('appears only when more than one upstream served the steps, naming each step\'s host', () => {
    expect(header(report)).not.toContain('Upstream');
    expect(header(pooled(['http://gpu-1:11434/v1', 'http://gpu-1:11434/v1', 'http://gpu-1:11434/v1']))).not.toContain('Upstream');
    const table = renderRunTable(pooled(['http://gpu-2:11434/v1', 'http://gpu-1:11434/v1', 'http://gpu-2:11434/v1'])).split('\n');
    expect(table[0]).toMatch(/Upstream\s+Status$/);
    const cells = (prefix: string) => table.filter((line) => line.startsWith(prefix)).map((line) => line.split(/\s{2,}/).at(-2));
    expect(cells('1 ')).toEqual(['http://gpu-1:11434/v1']);
    expect(cells('2 ')).toEqual(['http://gpu-2:11434/v1']);
    // The fallback's share, a step that made no call and the plan row name no pool member.
    expect(table.find((line) => line.startsWith('↳'))).toMatch(/\s-\s+fallback$/);
    expect(table.find((line) => line.startsWith('4 '))).toMatch(/\s-\s+skipped/);
  });

  it('is the first column to go on a narrow terminal', () => {
    const narrow = renderRunTable(pooled(['http://gpu-2:11434/v1', 'http://gpu-1:11434/v1']), { width: 80 });
    expect(narrow.split('\n')[0]).not.toContain('Upstream');
    for (const line of narrow.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });
});
