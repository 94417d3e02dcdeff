import { describe, expect, it } from 'vitest';
import type { EgressRecord } from '../../src/privacy/egress-ledger.js';
import { renderFilesTable, renderRunsTable } from '../../src/privacy/egress-render.js';
import { formatBytes } from '../../src/report/format.js';
import { reportEgress, summarizeEgress, totalsOf, withEgress } from '../../src/privacy/egress-summary.js';
import type { RunReport } from '../../src/report/types.js';

const record = (over: Partial<EgressRecord>): EgressRecord => ({
  ts: '2025-03-01T10:00:00.000Z',
  runId: 'run-a',
  planId: 'plan-1',
  step: null,
  role: 'architect',
  model: 'anthropic/claude-sonnet-4',
  provider: 'anthropic',
  cloud: true,
  privacy: 'standard',
  bytes: 1000,
  tokens: 250,
  files: [],
  pathsListed: 0,
  withheld: [],
  redactions: {},
  ...over,
});

const LEDGER: EgressRecord[] = [
  record({ files: [{ path: 'src/a.ts', form: 'outline', bytes: 100, tokens: 25, redactions: 0 }], withheld: ['.env'] }),
  record({ bytes: 3000, tokens: 700, files: [{ path: 'src/a.ts', form: 'content', bytes: 2000, tokens: 500, redactions: 1 }], redactions: { 'aws-access-key': 1 }, withheld: ['.env'] }),
  record({ runId: 'run-b', role: 'editor', model: 'qwen', provider: '_local', cloud: false, step: 0, bytes: 2500, tokens: 600, files: [{ path: 'src/a.ts', form: 'content', bytes: 2100, tokens: 520, redactions: 0 }] }),
  record({ runId: 'run-b', role: 'fallback', model: 'gpt-4o-mini', provider: 'openai', step: 0, bytes: 2600, tokens: 610, files: [{ path: 'src/a.ts', form: 'content', bytes: 2050, tokens: 515, redactions: 1 }], redactions: { 'aws-access-key': 1 } }),
  record({ runId: 'run-c', planId: 'plan-2', bytes: 10, tokens: 3 }),
];

describe('summarizeEgress', () => {
  it('groups by run, with destinations and files', () => {
    const [a, b, c] = summarizeEgress(LEDGER);
    expect(a).toMatchObject({ runId: 'run-a', planIds: ['plan-1'], calls: 2, cloudBytes: 4000, cloudTokens: 950, localBytes: 0, redactions: 1, withheld: ['.env'], privacy: ['standard'] });
    expect(a.files).toEqual([{ path: 'src/a.ts', sends: 2, forms: ['outline', 'content'], to: ['architect anthropic/claude-sonnet-4 (anthropic), cloud'], cloudBytes: 2100, cloudTokens: 525, localBytes: 0, localTokens: 0, redactions: 1 }]);
    expect(b.destinations).toEqual([
      { role: 'editor', model: 'qwen', provider: '_local', cloud: false, calls: 1, bytes: 2500, tokens: 600 },
      { role: 'fallback', model: 'gpt-4o-mini', provider: 'openai', cloud: true, calls: 1, bytes: 2600, tokens: 610 },
    ]);
    expect(b.files[0]).toMatchObject({ cloudBytes: 2050, localBytes: 2100, sends: 2 });
    expect(c).toMatchObject({ runId: 'run-c', calls: 1, files: [] });
  });

  it('puts cloud bytes on the architect, each step and its fallback share of a run report', () => {
    const call = { model: 'm', provider: 'p', promptTokens: 1, completionTokens: 1, latencyMs: 1, costUsd: 0 };
    const base: RunReport = {
      plan: { id: 'plan-1', task: 't', summary: 's' },
      architect: call,
      steps: [{ ...call, index: 0, title: 't', file: 'src/a.ts', status: 'applied', attempts: 2, commit: 'c', fallback: { ...call, role: 'fallback' } }],
      totals: { promptTokens: 1, completionTokens: 1, latencyMs: 1, costUsd: 0 },
      savings: { actualUsd: 0, allCloudUsd: 0, savedUsd: 0, savedPct: null },
    };
    const report = withEgress(base, LEDGER, { runId: 'run-b', planId: 'plan-1' });
    expect(report.architect.cloudBytes).toBe(4000);
    expect(report.steps[0].cloudBytes).toBe(0);
    expect(report.steps[0].fallback?.cloudBytes).toBe(2600);
    expect(report.egress).toEqual(reportEgress(LEDGER, { runId: 'run-b', planId: 'plan-1' }));
  });

  it('counts a run report: the run itself plus the architect calls that made its plan earlier', () => {
    expect(reportEgress(LEDGER, { runId: 'run-b', planId: 'plan-1' })).toEqual({ cloudBytes: 1000 + 3000 + 2600, cloudTokens: 250 + 700 + 610, localBytes: 2500, localTokens: 600, redactions: 2 });
    expect(totalsOf([])).toEqual({ cloudBytes: 0, cloudTokens: 0, localBytes: 0, localTokens: 0, redactions: 0 });
  });
});

describe('egress tables', () => {
  it('formats bytes', () => {
    expect([formatBytes(512), formatBytes(4200), formatBytes(3 * 1024 * 1024)]).toEqual(['512 B', '4.1 KB', '3.0 MB']);
  });

  it('renders runs and one run\'s files', () => {
    const runs = summarizeEgress(LEDGER);
    const table = renderRunsTable(runs).split('\n');
    expect(table[0]).toMatch(/^Run\s+Started\s+Privacy\s+Calls\s+To the cloud\s+To local models\s+Redacted\s+Withheld$/);
    expect(table[1]).toMatch(/^run-a\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+standard\s+2\s+3\.9 KB \(950 tok\)\s+-\s+1\s+1$/);
    const files = renderFilesTable(runs[1]).split('\n');
    expect(files[1]).toMatch(/^src\/a\.ts\s+content\s+2\s+2\.0 KB \(515 tok\)\s+2\.1 KB \(520 tok\)\s+1\s+editor qwen \(_local\), local; fallback gpt-4o-mini \(openai\), cloud$/);
    expect(renderFilesTable(runs[0])).toContain('Withheld (never sent): .env');
    expect(renderFilesTable(runs[2])).toBe('No file content or outline was sent in this run.');
  });
});
