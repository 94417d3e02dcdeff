import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

/** Debian's headless Chromium, or null when it is not installed (the tests that need it are then skipped). */
export async function findChromium(): Promise<string | null> {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = await execa('sh', ['-c', `command -v ${name}`], { reject: false });
    if (found.exitCode === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'];

/** Runs Chromium on a local file with a throwaway profile; resolves to its stdout. */
async function chromium(binary: string, file: string, extra: string[]): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), 'tandem-chromium-'));
  try {
    const result = await execa(binary, [...FLAGS, `--user-data-dir=${profile}`, ...extra, pathToFileURL(file).href], { timeout: 60_000, reject: false });
    if (result.exitCode !== 0) throw new Error(`chromium exited ${result.exitCode}: ${result.stderr}`);
    return result.stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The page's DOM as Chromium serializes it after parsing, styling and any script. */
export function dumpDom(binary: string, file: string): Promise<string> {
  return chromium(binary, file, ['--dump-dom']);
}

/** A PNG screenshot of the page at a window size, with the light or the dark colour scheme preferred. */
export async function screenshot(binary: string, file: string, out: string, options: { scheme: 'light' | 'dark'; width: number; height: number }): Promise<void> {
  // Blink's preferredColorScheme: 0 is dark, 1 is light.
  const scheme = `--blink-settings=preferredColorScheme=${options.scheme === 'dark' ? 0 : 1}`;
  await chromium(binary, file, [scheme, `--window-size=${options.width},${options.height}`, `--screenshot=${out}`]);
}

/**
 * How wide the page lays out in a viewport `width` CSS pixels wide, and which elements (outside the tables'
 * own scrolling boxes) reach past it. The page forbids scripts, so a harness page holds it in an iframe of
 * that width (headless Chromium's window is never narrower than 500 px) and measures from outside.
 */
export async function measureWidth(binary: string, file: string, width: number): Promise<{ scrollWidth: number; overflowing: string[] }> {
  const harness = join(dirname(file), `measure-${width}.html`);
  await writeFile(
    harness,
    `<!doctype html><html><body style="margin:0"><iframe id="f" src="${basename(file)}" width="${width}" height="900" style="border:0"></iframe><script>
document.getElementById('f').onload = () => {
  const doc = document.getElementById('f').contentDocument;
  const inner = doc.defaultView.innerWidth;
  const wide = [...doc.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > inner + 1 && !e.closest('.table-wrap'));
  document.body.dataset.scrollWidth = String(doc.documentElement.scrollWidth);
  document.body.dataset.overflowing = wide.map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).join(' ');
};
</script></body></html>`,
  );
  const dom = await chromium(binary, harness, ['--allow-file-access-from-files', '--virtual-time-budget=5000', `--window-size=${Math.max(width, 500) + 40},900`, '--dump-dom']);
  const scrollWidth = Number(/data-scroll-width="(\d+)"/.exec(dom)?.[1] ?? NaN);
  const overflowing = (/data-overflowing="([^"]*)"/.exec(dom)?.[1] ?? '').split(' ').filter(Boolean);
  return { scrollWidth, overflowing };
}
