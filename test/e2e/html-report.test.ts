import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ActivityRecord } from '../../src/activity/types.js';
import { formatUsd } from '../../src/report/format.js';
import type { RunReport } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';
import { dumpDom, findChromium, screenshot } from '../report/html/chromium.js';
import { colourAt, countColour, decodePng } from '../report/html/png.js';
import { elements } from '../report/html/svg.js';

const chromium = await findChromium();
if (!chromium) console.warn('SKIPPED html-report: no chromium on PATH; install Debian\'s package (apt-get install -y chromium) to render the report in a browser');

const DAY = 86_400_000;
const EVIL = '<img src=x onerror=alert(1)>';
const env = { TZ: 'UTC' };
// Each colour scheme with its page background and the cloud and local bar colours of the stylesheet.
const SCHEMES = [
  ['light', '#ffffff', '#c2410c', '#15803d'],
  ['dark', '#111417', '#fb923c', '#4ade80'],
] as const;

describe.skipIf(!chromium)('tandem report --html, rendered by headless Chromium', () => {
  let root: string;
  let report: RunReport;
  let days: string[];
  let dom: string;
  let scratch: string;

  beforeAll(async () => {
    // A real run first: the demo plans and applies through the simulated gateway and logs every call.
    const demo = await runCli(['demo', '--fast', '--json'], { cwd: tmpdir(), env });
    expect(demo.exitCode, demo.stderr).toBe(0);
    report = JSON.parse(demo.stdout) as RunReport;
    root = /^Sample repository: (.+)$/m.exec(demo.stderr)?.[1] ?? '';
    const log = join(root, '.tandem', 'activity.jsonl');
    const firstTs = (JSON.parse((await readFile(log, 'utf8')).split('\n')[0]) as ActivityRecord).ts;
    const now = Date.parse(firstTs);
    days = [3, 2, 1, 0].map((back) => new Date(now - back * DAY).toISOString().slice(0, 10));
    // Older runs on other days: a cloud architect and a local editor three days back, a cloud fallback of unknown cost yesterday.
    const older = (back: number, fields: Partial<ActivityRecord>): ActivityRecord => ({
      ts: new Date(now - back * DAY).toISOString(), runId: `run-old-${back}`, planId: null, step: 0, role: 'editor', model: EVIL, provider: '_tandem_local_router',
      promptTokens: 1150, completionTokens: 300, cachedTokens: 0, latencyMs: 12_400, ttftMs: null, costUsd: 0, costSource: 'pricing', status: 'ok', error: null, ...fields,
    });
    await appendFile(log, [
      older(3, { role: 'architect', step: null, model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 4200, completionTokens: 310, costUsd: 0.0172, costSource: 'gateway' }),
      older(3, {}),
      older(1, { role: 'fallback', model: 'openai/gpt-4o-mini', provider: 'openrouter', promptTokens: 900, completionTokens: 200, costUsd: null, costSource: 'unknown' }),
    ].map((record) => `${JSON.stringify(record)}\n`).join(''));
    const written = await runCli(['report', '--html', 'out/report.html'], { cwd: root, env });
    expect(written.exitCode, written.stderr).toBe(0);
    expect(written.stdout).toMatch(/^Wrote .+\/out\/report\.html: run run-\S+ \(4 calls\), 7 calls over 4 days\.$/);
    scratch = await mkdtemp(join(tmpdir(), 'tandem-shots-'));
    const page = join(root, 'out', 'report.html');
    // Three browsers at once: each spends most of its time starting up.
    [dom] = await Promise.all([
      dumpDom(chromium!, page),
      ...SCHEMES.map(([scheme]) => screenshot(chromium!, page, join(scratch, `${scheme}.png`), { scheme, width: 1100, height: 1500 })),
    ]);
  }, 120_000);

  afterAll(async () => {
    if (scratch) await rm(scratch, { recursive: true, force: true });
    if (root) await rm(root, { recursive: true, force: true });
  });

  const figure = (id: string) => {
    const match = new RegExp(`<figure class="chart" id="${id}">[\\s\\S]*?</figure>`).exec(dom);
    expect(match, `figure ${id} in the rendered DOM`).not.toBeNull();
    return match![0];
  };
  const bars = (id: string, series: 'cloud' | 'local') =>
    elements(figure(id), 'rect').filter((rect) => rect['data-series'] === series).map((rect) => [rect['data-category'], Number(rect['data-value'])]);

  test('the run: its cards and per-step bars carry the same numbers as the run\'s own JSON report', () => {
    const cards = Object.fromEntries([...dom.matchAll(/data-card="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]));
    expect(cards.cost).toBe(formatUsd(report.totals.costUsd));
    expect(cards['all-cloud']).toBe(formatUsd(report.savings.allCloudUsd));
    expect(cards.saved).toBe(`${formatUsd(report.savings.savedUsd)} (${Math.round(report.savings.savedPct!)}%)`);
    const steps = [...report.steps].sort((a, b) => a.index - b.index);
    expect(bars('cost-per-step', 'cloud')).toEqual([['plan', report.architect.costUsd], ...steps.map((step) => [String(step.index + 1), 0])]);
    expect(bars('cost-per-step', 'local')).toEqual([['plan', 0], ...steps.map((step) => [String(step.index + 1), step.costUsd])]);
    expect(bars('latency-per-step', 'local')).toEqual([['plan', 0], ...steps.map((step) => [String(step.index + 1), step.latencyMs])]);
    const rows = elements(dom.slice(dom.indexOf('<table class="calls">'), dom.indexOf('</table>', dom.indexOf('<table class="calls">'))), 'tr');
    expect(rows).toHaveLength(1 + 4);
  });

  test('over time: one bar per day and series, gaps filled, unknown cost drawn as "?"', () => {
    const label = (day: string) => day.slice(5);
    expect(bars('calls-per-day', 'cloud')).toEqual([[label(days[0]), 1], [label(days[1]), 0], [label(days[2]), 1], [label(days[3]), 1]]);
    expect(bars('calls-per-day', 'local')).toEqual([[label(days[0]), 1], [label(days[1]), 0], [label(days[2]), 0], [label(days[3]), 3]]);
    expect(bars('cost-per-day', 'cloud')).toEqual([[label(days[0]), 0.0172], [label(days[1]), 0], [label(days[3]), report.architect.costUsd]]);
    const unknown = elements(figure('cost-per-day'), 'text').filter((text) => text.class === 'unknown cloud');
    expect(unknown.map((text) => text['data-category'])).toEqual([label(days[2])]);
    const localTokens = bars('tokens-per-day', 'local').map(([, value]) => value);
    expect(localTokens).toEqual([1450, 0, 0, report.totals.promptTokens + report.totals.completionTokens - report.architect.promptTokens - report.architect.completionTokens]);
  });

  test('text from the log stays text: no element is made of a model name', () => {
    expect(dom).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(dom).not.toMatch(/<img/i);
    expect(dom).toContain('saving unknown: the cost of some calls is unknown');
  });

  test('drawn in the light and the dark colour scheme, both series visible in each', async () => {
    for (const [scheme, background, cloud, local] of SCHEMES) {
      const image = decodePng(await readFile(join(scratch, `${scheme}.png`)));
      expect([image.width, image.height]).toEqual([1100, 1500]);
      expect(colourAt(image, 2, 2), scheme).toBe(background);
      expect(countColour(image, cloud), `${scheme} cloud bars`).toBeGreaterThan(2000);
      expect(countColour(image, local), `${scheme} local bars`).toBeGreaterThan(2000);
    }
  });
});
