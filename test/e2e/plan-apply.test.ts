import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editorByFile } from '../helpers/editor-by-file.js';
import { matchNotPinned, matchProviderPinned, startFakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const FILES = {
  'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'README.md': '# calc\n',
};

const PLAN = {
  summary: 'Add subtraction and a greeting module.',
  steps: [
    { title: 'Add subtract', file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] },
    { title: 'Create greet', file: 'src/greet.ts', action: 'create', instructions: 'Export greet(name) returning "hello " + name.', depends_on: [] },
  ],
};

const MATH_EDIT = `src/math.ts
<<<<<<< SEARCH
export function add(a: number, b: number): number {
  return a + b;
}
=======
export function add(a: number, b: number): number {
  return a + b;
}

export function subtract(a: number, b: number): number {
  return a - b;
}
>>>>>>> REPLACE
`;
const GREET_FILE = '```ts\nexport function greet(name: string): string {\n  return `hello ${name}`;\n}\n```\n';

const architectReply: ScriptedReply = { text: JSON.stringify(PLAN), promptTokens: 1000, completionTokens: 200, provider: 'anthropic' };
const editorReply = (text: string): ScriptedReply => ({ text, promptTokens: 500, completionTokens: 100, provider: '_tandem_local_router' });

const { repo, startGateway } = useRepoAndGateway(FILES);

/** A gateway whose architect plans PLAN and whose editor answers each of its two steps once, correctly. */
const planAndEditGateway = () =>
  startGateway({
    routes: [
      { match: matchNotPinned(), replies: [architectReply] },
      { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [editorReply(MATH_EDIT)], 'src/greet.ts': [editorReply(GREET_FILE)] }) },
    ],
  });

describe('tandem plan / apply end to end', () => {
  it('plans, applies each step as a commit on tandem/<id>, reports exact costs and logs every call', async () => {
    const gateway = await planAndEditGateway();
    const plan = await runCli(['plan', 'add subtraction and greeting', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(plan.stderr).toContain('Planning with anthropic/claude-sonnet-4');
    expect(plan.exitCode).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.plan.steps).toHaveLength(2);
    expect(planned.architect).toEqual({ model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 1000, completionTokens: 200, latencyMs: expect.any(Number), costUsd: 0.006 });
    const id: string = planned.plan.id;

    const apply = await runCli(['apply', '--last', '--json', '--concurrency', '2'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(apply.exitCode, apply.stderr).toBe(0);
    const report = JSON.parse(apply.stdout);
    expect(report.plan).toEqual({ id, task: 'add subtraction and greeting', summary: PLAN.summary });
    expect(report.steps.map((s: { status: string; attempts: number; costUsd: number }) => [s.status, s.attempts, s.costUsd])).toEqual([
      ['applied', 1, 0],
      ['applied', 1, 0],
    ]);
    expect(report.steps[0]).toMatchObject({ index: 0, file: 'src/math.ts', model: 'auto_tandem_router', provider: '_tandem_local_router', promptTokens: 500, completionTokens: 100 });
    expect(report.totals).toMatchObject({ promptTokens: 2000, completionTokens: 400, costUsd: 0.006 });
    // All-cloud: the architect's $0.006 plus 1,000 in / 200 out editor tokens at $3/$15 per million.
    expect(report.savings).toEqual({ actualUsd: 0.006, allCloudUsd: 0.012, savedUsd: 0.006, savedPct: 50 });

    expect(await readFile(join(repo.root, 'src/math.ts'), 'utf8')).toContain('export function subtract(a: number, b: number): number {\n  return a - b;\n}\n');
    expect(await readFile(join(repo.root, 'src/greet.ts'), 'utf8')).toBe('export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(`tandem/${id}`);
    // Committed as each step finished: the order follows completion, so compare as a set.
    expect((await repo.git('log', '--format=%s', 'main..HEAD')).split('\n').sort()).toEqual(['tandem: Add subtract', 'tandem: Create greet']);
    const body = await repo.git('log', '-1', '--format=%B', report.steps[0].commit);
    expect(body).toContain(`Tandem-Plan: ${id}`);
    expect(body).toContain('Tandem-Step: 1');
    expect(body).toContain('Tandem-Editor: auto_tandem_router');
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect([report.steps[0].commit, report.steps[1].commit]).toContain(await repo.git('rev-parse', 'HEAD'));

    const chats = gateway.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chats.map((r) => r.body?.provider ?? null)).toEqual([null, { only: ['_tandem_local_router'] }, { only: ['_tandem_local_router'] }]);
    expect(chats.every((r) => r.body?.stream === true && r.body?.stream_options?.include_usage === true)).toBe(true);
    expect(chats[0].headers.authorization).toBe('Bearer test-key');

    const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log.map((r) => [r.role, r.step, r.status, r.costUsd, r.costSource])).toEqual([
      ['architect', null, 'ok', 0.006, 'pricing'],
      ['editor', expect.any(Number), 'ok', 0, 'pricing'],
      ['editor', expect.any(Number), 'ok', 0, 'pricing'],
    ]);
    expect(log.every((r) => r.planId === id)).toBe(true);
    expect(await readFile(join(repo.root, '.tandem/.gitignore'), 'utf8')).toBe('*\n');

    const table = await runCli(['log'], { cwd: repo.root });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toContain('_tandem_local_router');
    expect(table.stdout).toContain('$0.0060');
  });

  it('prints the table with totals and the saving at the terminal', async () => {
    const gateway = await planAndEditGateway();
    const run = await runCli(['run', 'add subtraction and greeting', '--yes'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Step\s+File\s+Model\s+Provider\s+Tokens in\/out\s+Latency\s+Cost\s+To cloud\s+Status/);
    expect(run.stdout).toContain('saved $0.0060 (50%) against running every step on anthropic/claude-sonnet-4');
  });

  it('retries a step whose edit does not apply, then marks it failed and goes on with independent steps (exit 1)', async () => {
    const bad = editorReply('src/math.ts\n<<<<<<< SEARCH\nfunction nowhere() {}\n=======\nfunction x() {}\n>>>>>>> REPLACE\n');
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [architectReply] },
        { match: matchProviderPinned(), replies: editorByFile({ 'src/math.ts': [bad, bad, bad], 'src/greet.ts': [editorReply(GREET_FILE)] }) },
      ],
    });
    const run = await runCli(['run', 'two steps', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.steps.map((s: { status: string; attempts: number }) => [s.status, s.attempts])).toEqual([
      ['failed', 3],
      ['applied', 1],
    ]);
    expect(await readFile(join(repo.root, 'src/math.ts'), 'utf8')).toBe(FILES['src/math.ts']);
    const retries = gateway.requests.filter((r) => r.body?.provider && JSON.stringify(r.body.messages).includes('src/math.ts'));
    expect(retries).toHaveLength(3);
    // The retry tells the editor what went wrong, with the file's real lines.
    expect(JSON.stringify(retries[1].body?.messages)).toContain('export function add(a: number, b: number): number {');
    const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n');
    // Five plan and step calls, and the local editor's warm-up.
    expect(log.filter((line) => !line.includes('"kind":"warm-up"'))).toHaveLength(5);
    expect(log).toHaveLength(6);
  });

  it('refuses a dirty tracked file the plan edits with exit 2 before any editor call, touching nothing', async () => {
    const gateway = await startGateway({ routes: [{ match: matchNotPinned(), replies: [architectReply] }] });
    await writeFile(join(repo.root, 'src/math.ts'), 'my unsaved work\n');
    await writeFile(join(repo.root, 'notes.txt'), 'untracked notes\n');
    const run = await runCli(['run', 'anything', '--yes'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('uncommitted changes in files the plan edits: src/math.ts');
    expect(run.stderr).not.toContain('notes.txt');
    // Only the architect was asked; no branch, no editor call.
    expect(gateway.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
    expect(await readFile(join(repo.root, 'src/math.ts'), 'utf8')).toBe('my unsaved work\n');
    expect(await readFile(join(repo.root, 'notes.txt'), 'utf8')).toBe('untracked notes\n');
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(await repo.git('branch', '--list', 'tandem/*')).toBe('');
  });

  it('runs past untracked files and changes to files the plan does not touch, never staging or committing them', async () => {
    const gateway = await planAndEditGateway();
    await writeFile(join(repo.root, 'README.md'), '# calc\nmy unsaved line\n');
    await writeFile(join(repo.root, 'tandem.config.json'), '{}\n');
    await repo.git('add', 'README.md');
    await writeFile(join(repo.root, 'notes.txt'), 'untracked notes\n');
    const run = await runCli(['run', 'anything', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(await repo.git('log', '--format=%s', '--name-only', 'main..HEAD')).not.toMatch(/README|notes|tandem\.config/);
    // The user's staged README, unstaged nothing else, untracked files: all exactly as they were.
    expect((await repo.git('status', '--porcelain')).split('\n').sort()).toEqual(['?? notes.txt', '?? tandem.config.json', 'M  README.md']);
    expect(await repo.git('diff', '--cached', '--name-only')).toBe('README.md');
  });

  it('exits 2 before any call when the key the gateway needs is not set', async () => {
    const gateway = await startGateway({ routes: [] });
    const run = await runCli(['plan', 'anything'], { cwd: repo.root, env: { TANDEM_BASE_URL: gateway.url } });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('no API key for the architect: set FASTROUTER_API_KEY (or TANDEM_API_KEY)');
    expect(gateway.requests).toHaveLength(0);
  });

  it('exits 2 on invalid config, naming the file and the key', async () => {
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify({ editor: { editFormat: 'xml' } }));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'config');
    const run = await runCli(['plan', 'anything'], { cwd: repo.root });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`invalid config in ${join(repo.root, 'tandem.config.json')}: editor.editFormat`);
    expect(run.stderr).not.toContain('    at ');
  });

  it('exits 4 with one clear line when the gateway cannot be reached', async () => {
    const closed = await startFakeGateway({ routes: [] });
    const url = closed.url;
    await closed.close();
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify({ gateway: { retries: 0 } }));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'config');
    const run = await runCli(['plan', 'anything'], { cwd: repo.root, env: { TANDEM_BASE_URL: url, TANDEM_API_KEY: 'k' } });
    expect(run.exitCode).toBe(4);
    expect(run.stderr).toMatch(/architect/);
    expect(run.stderr).toContain(url);
    expect(run.stderr).not.toContain('    at ');
    const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ role: 'architect', status: 'error', costUsd: null });
  });
});
