import { describe, expect, test } from 'vitest';
import type { ActivityRecord } from '../../../src/activity/types.js';
import { buildReportInput } from '../../../src/report/html/input.js';
import { renderHtmlReport } from '../../../src/report/html/page.js';
import { call, failed } from '../../stats/records.js';
import { elements } from './svg.js';

const at = (day: number, hour: number, minute = 0) => new Date(2025, 2, day, hour, minute).toISOString();
const SONNET = { role: 'architect', model: 'anthropic/claude-sonnet-4', provider: 'anthropic', step: null } as const;
const EVIL = '<img src=x onerror=alert(1)>';

const RECORDS: ActivityRecord[] = [
  call({ ...SONNET, ts: at(1, 9), runId: 'run-a', planId: 'p-a', promptTokens: 1000, completionTokens: 200, costUsd: 0.006 }),
  call({ ts: at(1, 9, 1), runId: 'run-a', planId: 'p-a', promptTokens: 500, completionTokens: 100 }),
  call({ ...SONNET, ts: at(3, 9), runId: 'run-b', planId: 'p-b', promptTokens: 2000, completionTokens: 300, latencyMs: 6100, costUsd: 0.0105 }),
  call({ ts: at(3, 9, 1), runId: 'run-b', planId: 'p-b', step: 0, model: EVIL, promptTokens: 800, completionTokens: 150, latencyMs: 900 }),
  failed({ ts: at(3, 9, 2), runId: 'run-b', planId: 'p-b', step: 1, error: 'stream cut <b>midway</b>' }),
  call({ ts: at(3, 9, 3), runId: 'run-b', planId: 'p-b', step: 1, promptTokens: 600, completionTokens: 120, latencyMs: 3000 }),
];

function input(fields: { runId?: string | null; since?: Date | null; records?: ActivityRecord[] } = {}) {
  const records = fields.records ?? RECORDS;
  return buildReportInput({
    records,
    runId: fields.runId === undefined ? 'run-b' : fields.runId,
    since: fields.since ?? null,
    now: new Date(2025, 2, 4, 12),
    isLocal: (record) => record.role !== 'architect',
    architectModel: 'anthropic/claude-sonnet-4',
    architectPricing: { input: 3, output: 15 },
    plan: { task: 'Add subtract\nand greet', titles: new Map([[0, 'Add subtract'], [1, 'Create greet']]) },
  });
}

function figure(html: string, id: string): string {
  const match = new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?</figure>`).exec(html);
  if (!match) throw new Error(`no figure ${id}`);
  return match[0];
}

describe('buildReportInput', () => {
  test('the run in full with its saving; the period part only from `since`', () => {
    const built = input({ since: new Date(2025, 2, 2) });
    expect(built.run?.calls).toHaveLength(4);
    expect(built.run?.steps.map((step) => step.label)).toEqual(['plan', '1', '2']);
    // 0.0105 for the architect; 1,400 in and 270 out at 3/15 per million would cost 0.00825 more in the cloud.
    expect(built.run?.savings).toEqual({ actualUsd: 0.0105, allCloudUsd: 0.01875, savedUsd: 0.00825, savedPct: 44 });
    expect(built.days.map((day) => day.day)).toEqual(['2025-03-03']);
    expect(built.stats.totals.calls).toBe(4);
    expect(input({ since: new Date(2025, 2, 5) }).run?.calls).toHaveLength(4);
  });
});

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(input());

  test('is one self-contained page: no script, no external resource, a CSP that forbids fetching', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    for (const forbidden of ['<script', '<link', '<img', '<iframe', 'src=', 'href=', 'url(', '@import', 'http:', 'https:']) {
      expect(html.replace(/&lt;img src=x/g, ''), forbidden).not.toContain(forbidden);
    }
    expect(html).toContain('@media (prefers-color-scheme: dark)');
  });

  test('escapes model names and errors', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('error: stream cut &lt;b&gt;midway&lt;/b&gt;');
    expect(html).not.toContain('<b>');
  });

  test('the run: task, cards, saving, per-step charts and one table row per call', () => {
    expect(html).toContain('<h2>Run <code>run-b</code></h2>');
    expect(html).toContain('<p class="task">Add subtract and greet</p>');
    const cards = Object.fromEntries([...html.matchAll(/data-card="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(cards).toEqual({ cost: '$0.0105', 'all-cloud': '$0.0187', saved: '$0.0083 (44%)', tokens: '3,400 / 570', latency: '10.0s' });
    expect(html).toContain('<p class="saving">saved $0.0083 (44%) against running every step on anthropic/claude-sonnet-4</p>');
    const cost = elements(figure(html, 'cost-per-step'), 'rect').map((rect) => [rect['data-category'], rect['data-series'], rect['data-value']]);
    expect(cost).toEqual([
      ['plan', 'cloud', '0.0105'], ['plan', 'local', '0'],
      ['1', 'cloud', '0'], ['1', 'local', '0'],
      ['2', 'cloud', '0'], ['2', 'local', '0'],
    ]);
    const latency = elements(figure(html, 'latency-per-step'), 'rect').filter((rect) => rect['data-series'] === 'local').map((rect) => rect['data-value']);
    expect(latency).toEqual(['0', '900', '3005']);
    const rows = elements(html.slice(html.indexOf('<table class="calls">')), 'tr').slice(1, 5);
    expect(rows.map((row) => elements(row.text, 'td').map((td) => td.text))).toEqual([
      [expect.stringMatching(/^2025-03-03 09:00:00$/), 'plan', 'architect', 'cloud', 'anthropic/claude-sonnet-4', 'anthropic', '2,000 / 300', '6.1s', '-', '$0.0105', 'ok'],
      ['2025-03-03 09:01:00', '1 Add subtract', 'editor', 'local', '&lt;img src=x onerror=alert(1)&gt;', '_tandem_local_router', '800 / 150', '0.9s', '-', '$0.0000', 'ok'],
      ['2025-03-03 09:02:00', '2 Create greet', 'editor', 'local', 'auto_tandem_router', '_tandem_local_router', '0 / 0', '0.0s', '-', '?', 'error: stream cut &lt;b&gt;midway&lt;/b&gt;'],
      ['2025-03-03 09:03:00', '2 Create greet', 'editor', 'local', 'auto_tandem_router', '_tandem_local_router', '600 / 120', '3.0s', '-', '$0.0000', 'ok'],
    ]);
  });

  test('over time: a bar per day and series, gaps filled, and the stats table with totals', () => {
    const calls = elements(figure(html, 'calls-per-day'), 'rect').map((rect) => [rect['data-category'], rect['data-series'], rect['data-value']]);
    expect(calls).toEqual([
      ['03-01', 'cloud', '1'], ['03-01', 'local', '1'],
      ['03-02', 'cloud', '0'], ['03-02', 'local', '0'],
      ['03-03', 'cloud', '1'], ['03-03', 'local', '3'],
    ]);
    const cost = elements(figure(html, 'cost-per-day'), 'rect').filter((rect) => rect['data-series'] === 'cloud').map((rect) => rect['data-value']);
    expect(cost).toEqual(['0.006', '0', '0.0105']);
    const tokens = elements(figure(html, 'tokens-per-day'), 'rect').filter((rect) => rect['data-series'] === 'local').map((rect) => rect['data-value']);
    expect(tokens).toEqual(['600', '0', '1670']);
    const total = elements(html.slice(html.indexOf('<table class="stats">')), 'tr').find((row) => row.class === 'total');
    expect(elements(total?.text ?? '', 'td').map((td) => td.text)).toEqual(['total', '', '', '', '6', '1', '4,900 / 870', '$0.0165', '1.0s', '6.1s', '$0.0112']);
  });

  test('without a run: says so, and still shows the period', () => {
    const empty = renderHtmlReport(input({ runId: null, records: [] }));
    expect(empty).toContain('<h2>Latest run</h2><p>No model calls recorded yet.');
    expect(empty).toContain('<p>No model calls in this period.</p>');
    expect(empty).not.toContain('<figure');
  });
});
