// Spawn-to-request and session time-to-prompt, for bench/startup.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
const ptyScript = fileURLToPath(new URL('./pty-prompt.py', import.meta.url));

/** A two-file repository with one commit. */
export function smallRepo() {
  const root = mkdtempSync(join(tmpdir(), 'tandem-startup-'));
  writeFileSync(join(root, 'math.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n');
  writeFileSync(join(root, 'README.md'), '# calc\n');
  const git = (...args) => execFileSync('git', args, { cwd: root });
  git('init', '-q');
  git('add', '-A');
  git('config', 'user.name', 'bench');
  git('config', 'user.email', 'bench@example.com');
  git('commit', '-qm', 'init');
  return root;
}

/** Milliseconds from spawning `tandem plan` until the fake gateway receives the architect's request. */
export async function spawnToRequest(root, gatewayUrl, requests) {
  const before = requests.length;
  const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, '.config'), TANDEM_BASE_URL: gatewayUrl, TANDEM_API_KEY: 'bench' };
  const start = Date.now();
  const child = spawn(process.execPath, [bin, 'plan', 'rename add to sum in math.ts'], { cwd: root, env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (;;) {
    const request = requests.slice(before).find((r) => r.path.endsWith('/chat/completions'));
    if (request) {
      await exited;
      return request.time - start;
    }
    if (child.exitCode !== null) throw new Error(`tandem plan exited ${child.exitCode} before any request`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Milliseconds from spawning `tandem` in a pseudo-terminal (80x24) until its prompt line is drawn. */
export function timeToPrompt(root) {
  const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, '.config'), TANDEM_API_KEY: 'bench' };
  const out = execFileSync('python3', [ptyScript, process.execPath, bin], { cwd: root, env, encoding: 'utf8' });
  return Number(out.trim());
}
