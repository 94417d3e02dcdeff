import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, startFakeGateway, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const MATH = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
// The project's "test suite": subtract(5, 3) must be 2. It logs each run when CHECK_LOG is set.
const CHECK = `import { appendFileSync, readFileSync } from 'node:fs';
if (process.env.CHECK_LOG) appendFileSync(process.env.CHECK_LOG, 'run\\n');
const src = readFileSync('src/math.ts', 'utf8');
const body = /export function subtract\\(a: number, b: number\\): number \\{\\n  return (.*);\\n\\}/.exec(src);
console.log('running 1 test');
if (!body) { console.error('FAIL subtract: not defined in src/math.ts'); process.exit(1); }
const got = new Function('a', 'b', 'return ' + body[1])(5, 3);
if (got !== 2) { console.error('FAIL subtract(5, 3): expected 2, got ' + got); process.exit(1); }
console.log('1 passed');
`;
const FILES = { 'src/math.ts': MATH, 'check.mjs': CHECK, 'README.md': '# calc\n' };

const step = (title: string, file: string, instructions: string, action = 'edit') => ({ title, file, action, instructions, depends_on: [] });
const architect = (plan: object): ScriptedReply => ({ text: JSON.stringify(plan), promptTokens: 1000, completionTokens: 200, provider: 'anthropic' });
const editor = (text: string, promptTokens = 500): ScriptedReply => ({ text, promptTokens, completionTokens: 100, provider: '_tandem_local_router' });
const subtractEdit = (body: string) =>
  `src/math.ts\n<<<<<<< SEARCH\n${MATH.trimEnd()}\n=======\n${MATH.trimEnd()}\n\nexport function subtract(a: number, b: number): number {\n  return ${body};\n}\n>>>>>>> REPLACE\n`;
const fixEdit = 'src/math.ts\n<<<<<<< SEARCH\n  return b - a;\n=======\n  return a - b;\n>>>>>>> REPLACE\n';
const SUBTRACT_PLAN = { summary: 'Add subtract.', steps: [step('Add subtract', 'src/math.ts', 'Add subtract(a, b) below add.')] };
const FIX_PLAN = { summary: 'Fix the operand order of subtract.', steps: [step('Fix subtract', 'src/math.ts', 'subtract must return a - b.')] };

/** Editor replies chosen by the file the prompt is about. */
function editorByFile(replies: Record<string, ScriptedReply[]>) {
  return (req: { body: { messages?: Array<{ content: unknown }> } | null }) => {
    const prompt = (req.body?.messages ?? []).map((m) => String(m.content)).join('\n');
    const file = Object.keys(replies).find((path) => prompt.includes(path));
    return (file ? replies[file].shift() : undefined) ?? { status: 500, error: `test script: no editor reply left for ${file}` };
  };
}

let origin: GitFixture;
let dir: string;
let remote: string;
let clone: string;
let gateway: FakeGateway | undefined;

beforeEach(async () => {
  origin = await gitFixture(FILES);
  dir = await realpath(await mkdtemp(join(tmpdir(), 'tandem-ci-')));
  remote = join(dir, 'remote.git');
  clone = join(dir, 'work');
  await execa('git', ['init', '-q', '--bare', remote]);
  await origin.git('push', '-q', remote, 'main');
  // As a runner checks out: a fresh clone, with no git identity anywhere (isolated HOME, no system config).
  await execa('git', ['clone', '-q', '--branch', 'main', remote, clone], { env: { GIT_CONFIG_NOSYSTEM: '1' } });
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  await origin.cleanup();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI the way a CI job does: CI=true, standard input closed, a clean environment. */
function ci(args: string[], extra: Record<string, string> = {}) {
  return runCli(['run', ...args], {
    cwd: clone,
    env: { CI: 'true', GIT_CONFIG_NOSYSTEM: '1', TANDEM_BASE_URL: gateway!.url, TANDEM_API_KEY: 'test-key', ...extra },
  });
}
const git = async (...args: string[]) => (await execa('git', args, { cwd: clone, env: { GIT_CONFIG_NOSYSTEM: '1', HOME: dir } })).stdout;
const chats = () => gateway!.requests.filter((r) => r.path === '/v1/chat/completions');

describe('tandem run --ci, as a CI job runs it', () => {
  it('applies, passes the check in round 1, writes the report, summaries and pushes, committing as tandem when no identity is set', async () => {
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect(SUBTRACT_PLAN)] },
        { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [editor(subtractEdit('a - b'))] }) },
      ],
    });
    await writeFile(join(dir, 'task.md'), 'Add subtract to src/math.ts.\n');
    const stepSummary = join(dir, 'step-summary.md');
    await writeFile(stepSummary, '# an earlier step\n');
    const run = await ci(
      ['--task-file', join(dir, 'task.md'), '--check', 'node check.mjs', '--report', join(dir, 'out/report.json'), '--summary', join(dir, 'summary.md'), '--branch', 'ci/subtract', '--push'],
      { GITHUB_STEP_SUMMARY: stepSummary },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'out/report.json'), 'utf8'));
    expect(report.plan.task).toBe('Add subtract to src/math.ts.');
    expect(report.branch).toBe('ci/subtract');
    expect(report.check).toEqual({ command: 'node check.mjs', passed: true, passedRound: 1, checkEach: false });
    expect(report.rounds).toHaveLength(1);
    expect(report.rounds[0]).toMatchObject({ round: 1, kind: 'plan', steps: [0], check: { command: 'node check.mjs', exitCode: 0, passed: true, output: 'running 1 test\n1 passed' } });
    expect(report.steps.map((s: { status: string }) => s.status)).toEqual(['applied']);

    expect(await git('log', '-1', '--format=%an <%ae>|%cn <%ce>|%s')).toBe('tandem <tandem@localhost>|tandem <tandem@localhost>|tandem: Add subtract');
    expect(await git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('ci/subtract');
    // Pushed, with the upstream set, never forced.
    expect((await execa('git', ['--git-dir', remote, 'rev-parse', 'refs/heads/ci/subtract'])).stdout).toBe(await git('rev-parse', 'HEAD'));
    expect(await git('rev-parse', '--abbrev-ref', '@{upstream}')).toBe('origin/ci/subtract');
    expect(run.stderr).toContain('Pushed ci/subtract to origin.');

    const summary = await readFile(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('## tandem: Add subtract to src/math.ts.');
    expect(summary).toContain('✅ **1 of 1 steps applied** on branch `ci/subtract` (exit code 0).');
    expect(summary).toContain('Check `node check.mjs` passed in round 1.');
    expect(summary).toContain('| 1 | `src/math.ts` | auto_tandem_router | _tandem_local_router | 500 / 100 |');
    expect(summary).not.toContain('Last failing check output');
    expect(await readFile(stepSummary, 'utf8')).toBe(`# an earlier step\n${summary}\n`);
  });

  it('sends a failing check to the architect, applies the fix-up round on the same branch and reports which round passed', async () => {
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect(SUBTRACT_PLAN), architect(FIX_PLAN)] },
        { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [editor(subtractEdit('b - a')), editor(fixEdit)] }) },
      ],
    });
    const log = join(dir, 'checks.log');
    const run = await ci(['add subtract', '--check', 'node check.mjs', '--check-each', '--json', '--author', 'Refactor Bot <bot@example.com>'], { CHECK_LOG: log });
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.check).toEqual({ command: 'node check.mjs', passed: true, passedRound: 2, checkEach: true });
    expect(report.rounds.map((r: { round: number; kind: string; steps: number[]; check: { exitCode: number; passed: boolean } }) => [r.round, r.kind, r.steps, r.check.exitCode, r.check.passed])).toEqual([
      [1, 'plan', [0], 1, false],
      [2, 'fix', [1], 0, true],
    ]);
    expect(report.rounds[0].check.output).toBe('running 1 test\nFAIL subtract(5, 3): expected 2, got -2');
    expect(report.rounds[1].summary).toBe(FIX_PLAN.summary);
    // The failing step is kept (and says so); the fix-up step's check passes.
    expect(report.steps.map((s: { status: string; check: { passed: boolean } }) => [s.status, s.check.passed])).toEqual([
      ['applied', false],
      ['applied', true],
    ]);
    // Two architect calls, both in the totals: 2 × (1,000 in / 200 out) at $3/$15 per million.
    expect(report.architect).toMatchObject({ promptTokens: 2000, completionTokens: 400, costUsd: 0.012 });
    expect(report.rounds[1].architect).toMatchObject({ promptTokens: 1000, completionTokens: 200, costUsd: 0.006 });
    expect(report.totals).toMatchObject({ promptTokens: 3000, completionTokens: 600, costUsd: 0.012 });
    // The check ran once per step; each round's check reused the result for the same commit.
    expect(await readFile(log, 'utf8')).toBe('run\nrun\n');

    const fixRequest = JSON.stringify(chats().filter((r) => !r.body?.provider)[1].body?.messages);
    expect(fixRequest).toContain('Fix-up round 1');
    expect(fixRequest).toContain('FAIL subtract(5, 3): expected 2, got -2');
    expect(fixRequest).toContain('return b - a;');
    expect(await readFile(join(clone, 'src/math.ts'), 'utf8')).toContain('  return a - b;\n');
    expect(await git('log', '--format=%an <%ae>|%s', 'main..HEAD')).toBe('Refactor Bot <bot@example.com>|tandem: Fix subtract\nRefactor Bot <bot@example.com>|tandem: Add subtract');
    expect(await git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(`tandem/${report.plan.id}`);
  });

  it('exits 1 when the check never passes, with the failed step and the check as GitHub annotations', async () => {
    const bad = editor('src/math.ts\n<<<<<<< SEARCH\nfunction nowhere() {}\n=======\nfunction x() {}\n>>>>>>> REPLACE\n');
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect(SUBTRACT_PLAN), architect(FIX_PLAN)] },
        { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [editor(subtractEdit('b - a')), bad, bad, bad] }) },
      ],
    });
    const summaryFile = join(dir, 'summary.md');
    const run = await ci(['add subtract', '--check', 'node check.mjs', '--fix-rounds', '1', '--json', '--summary', summaryFile], { GITHUB_ACTIONS: 'true' });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.check).toEqual({ command: 'node check.mjs', passed: false, passedRound: null, checkEach: false });
    expect(report.rounds.map((r: { check: { passed: boolean }; note?: string }) => [r.check.passed, r.note ?? null])).toEqual([
      [false, null],
      [false, 'no fix-up rounds left (--fix-rounds 1)'],
    ]);
    expect(report.steps.map((s: { status: string; attempts: number }) => [s.status, s.attempts])).toEqual([
      ['applied', 1],
      ['failed', 3],
    ]);
    expect(run.stderr).toMatch(/^::error file=src\/math\.ts::tandem step 2 \(Fix subtract\) failed: .+$/m);
    expect(run.stderr.split('\n')).toContain('::error::the check `node check.mjs` still fails after 2 rounds');
    // One architect plan and one fix-up: the loop stops at --fix-rounds.
    expect(chats().filter((r) => !r.body?.provider)).toHaveLength(2);
    const summary = await readFile(summaryFile, 'utf8');
    expect(summary).toContain('Check `node check.mjs` did not pass (2 rounds).');
    expect(summary).toContain('### Last failing check output (round 2)\n\n```text\nrunning 1 test\nFAIL subtract(5, 3): expected 2, got -2\n```');
  });

  it('stops at the token budget with exit 3, keeping and reporting what was committed', async () => {
    const plan = { summary: 'Two steps.', steps: [step('Add subtract', 'src/math.ts', 'Add subtract.'), step('Create greet', 'src/greet.ts', 'Export greet.', 'create')] };
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect(plan)] },
        // The first step's call reports 5,000 prompt tokens: the second step's estimate no longer fits.
        { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [editor(subtractEdit('a - b'), 5000)], 'src/greet.ts': [editor('```ts\nexport const greet = 1;\n```\n')] }) },
      ],
    });
    const run = await ci(['two steps', '--max-tokens', '8000', '--check', 'node check.mjs', '--json']);
    expect(run.exitCode).toBe(3);
    const report = JSON.parse(run.stdout);
    expect(report.steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'skipped']);
    expect(report.steps[1].reason).toMatch(/^budget reached \(--max-tokens 8,000\): the editor call \(up to [\d,]+ tokens\) would go over it, with 6,300 tokens spent$/);
    expect(report.budget).toEqual({ maxTokens: 8000, spentUsd: 0.006, spentTokens: 6300, spentUsdPartial: false, stopped: { limit: 'tokens', when: 'before-call', message: report.steps[1].reason } });
    expect(report.rounds[0].note).toBe(`check not run: ${report.steps[1].reason}`);
    expect(chats()).toHaveLength(2);
    expect(await git('log', '--format=%s', 'main..HEAD')).toBe('tandem: Add subtract');
    expect(report.steps[0].commit).toBe(await git('rev-parse', 'HEAD'));
    expect(run.stderr).toContain('! budget reached (--max-tokens 8,000)');
  });

  it('fails at once with exit 2 when there is no task, never waiting on input', async () => {
    gateway = await startFakeGateway({ routes: [] });
    const run = await ci(['--check', 'node check.mjs']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('tandem: no task given');
    expect(gateway.requests).toHaveLength(0);
  });

  it('takes --ci without CI=true as the same promise: no --yes needed, and a summary even when no plan came of it', async () => {
    gateway = await startFakeGateway({ routes: [{ match: matchNotPinned(), replies: [{ text: 'no plan here' }, { text: 'still none' }] }] });
    const env = { GIT_CONFIG_NOSYSTEM: '1', TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'test-key' };
    const asked = await runCli(['run', 'add subtract'], { cwd: clone, env });
    expect(asked.exitCode).toBe(2);
    expect(asked.stderr).toContain('tandem run needs --yes when it is not at a terminal');
    expect(asked.stderr).toContain('in a CI job, pass --ci (implied by CI=true)');
    const summary = join(dir, 'summary.md');
    const run = await runCli(['run', 'add subtract', '--ci', '--summary', summary], { cwd: clone, env });
    expect(run.exitCode).toBe(1);
    expect(chats()).toHaveLength(2);
    expect(await readFile(summary, 'utf8')).toMatch(/^## tandem: add subtract\n\n❌ \*\*No changes made\*\* \(exit code 1\): the architect's plan was unusable after one repair round/);
  });
});
