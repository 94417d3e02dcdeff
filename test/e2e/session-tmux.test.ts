import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, isolatedHome } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const FILES = { 'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n' };
const PLAN = {
  summary: 'Add subtraction and a greeting module.',
  steps: [
    { title: 'Add subtract', file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] },
    { title: 'Create greet', file: 'src/greet.ts', action: 'create', instructions: 'Export greet(name) returning "hello " + name.', depends_on: [] },
  ],
};
const MATH_EDIT = `src/math.ts\n<<<<<<< SEARCH\n${FILES['src/math.ts']}=======\n${FILES['src/math.ts']}\nexport function subtract(a: number, b: number): number {\n  return a - b;\n}\n>>>>>>> REPLACE\n`;
const GREET_FILE = '```ts\nexport function greet(name: string): string {\n  return `hello ${name}`;\n}\n```\n';
const editor = (text: string): ScriptedReply => ({ text, promptTokens: 500, completionTokens: 100, provider: '_tandem_local_router', chunkDelayMs: 5 });

const hasTmux = (await execa('tmux', ['-V'], { reject: false }).catch(() => ({ exitCode: 1 }))).exitCode === 0;

const { repo, startGateway } = useRepoAndGateway(FILES);
let gateway: FakeGateway;
const socket = `tandem-test-${process.pid}-${randomUUID().slice(0, 8)}`;
const tmux = (...args: string[]) => execa('tmux', ['-L', socket, '-f', '/dev/null', ...args]);

/** The visible screen, wrapped lines joined. */
async function screen(): Promise<string> {
  return (await tmux('capture-pane', '-p', '-J', '-t', 'tandem')).stdout;
}

/** Polls the screen until `wanted` shows, or fails with the last screen after the deadline. */
async function waitFor(wanted: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await screen();
    if (typeof wanted === 'string' ? last.includes(wanted) : wanted.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${String(wanted)}; the screen was:\n${last}`);
}

/** SGR sequences in `text` that set a foreground or background colour. */
function colourCodes(text: string): string[] {
  return [...text.matchAll(/\x1b\[([0-9;]*)m/g)]
    .filter((match) => match[1].split(';').map(Number).some((n) => (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107)))
    .map((match) => match[0]);
}

beforeEach(async () => {
  gateway = await startGateway({
    routes: [
      { match: matchNotPinned(), replies: [{ text: JSON.stringify(PLAN), promptTokens: 1000, completionTokens: 200, provider: 'anthropic', chunkDelayMs: 5 }] },
      {
        match: matchProviderPinned(),
        replies: (req) => editor(JSON.stringify(req.body?.messages ?? []).includes('src/greet.ts') ? GREET_FILE : MATH_EDIT),
      },
    ],
  });
});
afterEach(async () => {
  await execa('tmux', ['-L', socket, 'kill-server'], { reject: false });
  // kill-server can leave the socket file (in tmux's own directory, not TMPDIR) behind; it is ours alone.
  await rm(join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`, socket), { force: true });
});

describe.skipIf(!hasTmux)('the interactive session in a real terminal (tmux)', () => {
  it('takes a task, shows the plan, applies it on approval, prints the cost table and quits cleanly', async () => {
    // A clean environment: no CI variable (ink would not draw live), no keys or config of the machine.
    const env = { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), TERM: 'xterm-256color', NO_COLOR: '1', ...cliEnv(gateway) };
    const vars = Object.entries(env).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(' ');
    const command = `cd ${JSON.stringify(repo.root)} && env -i ${vars} node ${JSON.stringify(BIN)}; echo "[tandem exited $?]"; sleep 600`;
    await tmux('new-session', '-d', '-s', 'tandem', '-x', '100', '-y', '40', command);

    await waitFor('describe a change, or /help');
    await tmux('send-keys', '-t', 'tandem', '-l', 'add subtraction and greeting');
    await waitFor('› add subtraction and greeting');
    await tmux('send-keys', '-t', 'tandem', 'Enter');

    const review = await waitFor('enter apply 2 of 2');
    expect(review).toContain('› [x] 1 Add subtract · src/math.ts');
    expect(review).toContain('  [x] 2 Create greet · src/greet.ts (create)');
    await tmux('send-keys', '-t', 'tandem', 'Enter');

    const table = await waitFor('saved $0.0060');
    expect(table).toContain('n next task');
    expect(table).toMatch(/Step\s+File\s+Model\s+(Provider\s+)?Tokens in\/out\s+Latency\s+Cost\s+To cloud\s+Status/);
    expect(table).toMatch(/total\s+2,000 \/ 400\s+\S+\s+\$0\.0060\s+\d+\.\d KB\s+2 applied/);
    expect(table).toContain('saved $0.0060 (50%) against running every step on anthropic/claude-sonnet-4');
    const branch = (await repo.git('rev-parse', '--abbrev-ref', 'HEAD'));
    expect(branch).toMatch(/^tandem\/add-subtraction-and-greeting/);
    expect(table).toContain(`2 of 2 steps committed on branch ${branch}.`);

    expect(await repo.git('log', '--format=%s', 'main..HEAD')).toBe('tandem: Create greet\ntandem: Add subtract');
    expect(await repo.git('log', '-1', '--format=%(trailers:key=Tandem-Step,valueonly)', 'HEAD~1')).toBe('1');
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await readFile(join(repo.root, 'src/greet.ts'), 'utf8')).toBe('export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');

    // NO_COLOR reaches the real binary: attributes (bold, dim, inverse) and tmux's resets to the default
    // colours (39, 49) may appear, colours may not.
    const raw = (await tmux('capture-pane', '-p', '-e', '-t', 'tandem')).stdout;
    expect(raw).toContain('\x1b[1m');
    expect(colourCodes(raw)).toEqual([]);

    await tmux('send-keys', '-t', 'tandem', 'n');
    await waitFor(/› +describe a change, or \/help/);
    await tmux('send-keys', '-t', 'tandem', '-l', '/quit');
    await waitFor('› /quit');
    await tmux('send-keys', '-t', 'tandem', 'Enter');
    await waitFor('[tandem exited 0]');
  }, 120_000);
});
