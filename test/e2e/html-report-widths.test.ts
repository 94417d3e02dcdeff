import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { findChromium, measureWidth, screenshot } from '../report/html/chromium.js';

const chromium = await findChromium();
if (!chromium) console.warn('SKIPPED html-report-widths: no chromium on PATH (apt-get install -y chromium)');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe.skipIf(!chromium)('the HTML report at a 1280 px desktop and a 400 px phone', () => {
  let root = '';
  let page = '';
  let scratch = '';
  beforeAll(async () => {
    const demo = await runCli(['demo', '--fast'], { cwd: tmpdir() });
    root = /Sample repository: (\S+)/.exec(demo.stderr)?.[1] ?? '';
    const written = await runCli(['report', '--html', 'out/report.html'], { cwd: root });
    expect(written.exitCode, written.stderr).toBe(0);
    page = join(root, 'out', 'report.html');
    scratch = await mkdtemp(join(tmpdir(), 'tandem-widths-'));
  }, 120_000);
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it.each([1280, 400])('at %i px nothing but a table (inside its own scrolling card) is wider than the page', async (width) => {
    const measured = await measureWidth(chromium!, page, width);
    expect(measured.overflowing).toEqual([]);
    expect(measured.scrollWidth).toBe(width);
  }, 60_000);

  it('screenshots at both widths render', async () => {
    const desktop = join(scratch, 'desktop.png');
    await screenshot(chromium!, page, desktop, { scheme: 'light', width: 1280, height: 900 });
    expect(pngSize(await readFile(desktop))).toEqual([1280, 900]);
    // The phone: the harness page holds the report in a 400 px frame.
    const phone = join(scratch, 'phone.png');
    await screenshot(chromium!, join(root, 'out', 'measure-400.html'), phone, { scheme: 'dark', width: 500, height: 900 });
    expect((await readFile(phone)).length).toBeGreaterThan(10_000);
  }, 60_000);
});
