import { appendFile, chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editorByFile } from '../helpers/editor-by-file.js';
import { matchProviderPinned, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { useRepoAndGateway } from '../helpers/repo-gateway.js';
import { bump, chats, FILES, gatewayEnv, savePlanFile, startCli, step, until } from './safety-helpers.js';

// Real processes racing real ones on a shared machine: generous time, no timing asserted.
vi.setConfig({ testTimeout: 90_000 });

const { repo, startGateway } = useRepoAndGateway(FILES);

/** A gateway with only an editor route, answering each file from `replies`. */
function editor(replies: Record<string, ScriptedReply[]>): Promise<FakeGateway> {
  return startGateway({ routes: [{ match: matchProviderPinned(), replies: editorByFile(replies) }] });
}

const commitsOn = async (branch: string) => (await repo.git('log', '--format=%s', `main..${branch}`)).split('\n').filter(Boolean);

describe('one run per repository', () => {
  it('a second apply while one runs exits 2 at once naming the holder; the first finishes alone', async () => {
    const g = await editor({ 'src/a.ts': [{ text: bump('a'), delayMs: 4000 }] });
    await savePlanFile(repo.root, 'one-1111', [step('src/a.ts')]);
    await savePlanFile(repo.root, 'two-2222', [step('src/b.ts')], '2000-01-01T00:00:00.000Z');
    const first = startCli(['apply', 'one-1111'], repo.root, gatewayEnv(g));
    await until(() => chats(g).length === 1, 'the first run to call the editor');
    const second = await runCli(['apply', 'two-2222'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(second.exitCode).toBe(2);
    expect(second.stderr).toContain(`another tandem is working in this repository: pid ${first.pid} (tandem apply one-1111`);
    const undo = await runCli(['undo', '--yes'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(undo.exitCode).toBe(2);
    expect(undo.stderr).toContain(`pid ${first.pid}`);
    expect((await first).exitCode).toBe(0);
    expect(chats(g)).toHaveLength(1);
    expect(await commitsOn('tandem/one-1111')).toEqual(['tandem: change src/a.ts']);
    expect(await repo.git('branch', '--list', 'tandem/two-2222')).toBe('');
    // The lock is gone with its holder: the next run goes ahead.
    const again = await runCli(['apply', 'two-2222'], { cwd: repo.root, env: gatewayEnv(await editor({ 'src/b.ts': [{ text: bump('b') }] })) });
    expect(again.exitCode, again.stderr).toBe(0);
  });
});

describe('transactional steps', () => {
  it('the user switches branch while a step runs: the run stops with exit 1 and commits nowhere', async () => {
    const g = await editor({ 'src/a.ts': [{ text: bump('a'), delayMs: 4000 }] });
    await savePlanFile(repo.root, 'sw-3333', [step('src/a.ts')]);
    const main = await repo.git('rev-parse', 'main');
    const run = startCli(['apply', 'sw-3333', '--json'], repo.root, gatewayEnv(g));
    await until(() => chats(g).length === 1, 'the editor call');
    await repo.git('checkout', '-q', 'main');
    const result = await run;
    expect(result.exitCode, result.stderr + result.stdout).toBe(1);
    expect(JSON.parse(result.stdout).steps[0].reason).toBe('HEAD left tandem/sw-3333 during the run (it is now on branch main): stopped without committing there');
    expect(await repo.git('rev-parse', 'main')).toBe(main);
    expect(await commitsOn('tandem/sw-3333')).toEqual([]);
    expect(await readFile(join(repo.root, 'src/a.ts'), 'utf8')).toBe(FILES['src/a.ts']);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('the user edits the file while its step runs: the step fails, the edit stays, nothing of it is committed', async () => {
    const g = await editor({ 'src/a.ts': [{ text: bump('a'), delayMs: 4000 }] });
    await savePlanFile(repo.root, 'ed-4444', [step('src/a.ts')]);
    const run = startCli(['apply', 'ed-4444', '--json'], repo.root, gatewayEnv(g));
    await until(() => chats(g).length === 1, 'the editor call');
    await appendFile(join(repo.root, 'src/a.ts'), '// mine\n');
    const result = await run;
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).steps[0].reason).toBe('src/a.ts changed while its step ran (someone else edited it): the step was not committed and that edit is untouched');
    expect(await readFile(join(repo.root, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n// mine\n');
    expect(await commitsOn('tandem/ed-4444')).toEqual([]);
    // Only the user's own change is in the tree; nothing staged.
    expect(await repo.git('status', '--porcelain')).toBe(' M src/a.ts');
  });

  it('--verify-hooks runs the commit hooks: a failing hook fails the step and restores file and index; by default hooks do not run', async () => {
    await writeFile(join(repo.root, '.git/hooks/pre-commit'), '#!/bin/sh\necho "lint: no" >&2\nexit 1\n');
    await chmod(join(repo.root, '.git/hooks/pre-commit'), 0o755);
    const g = await editor({ 'src/a.ts': [{ text: bump('a') }, { text: bump('a') }] });
    await savePlanFile(repo.root, 'hook-5555', [step('src/a.ts')]);
    const hooked = await runCli(['apply', 'hook-5555', '--json', '--verify-hooks'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(hooked.exitCode).toBe(1);
    expect(JSON.parse(hooked.stdout).steps[0].reason).toContain('lint: no');
    expect(await readFile(join(repo.root, 'src/a.ts'), 'utf8')).toBe(FILES['src/a.ts']);
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await commitsOn('tandem/hook-5555')).toEqual([]);
    // The same plan again, without the flag: resumed on its branch, committed without running the hook.
    const plain = await runCli(['apply', 'hook-5555'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(plain.exitCode, plain.stderr).toBe(0);
    expect(await commitsOn('tandem/hook-5555')).toEqual(['tandem: change src/a.ts']);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});

describe('resume', () => {
  it('a failed run resumes: committed steps are skipped, the rest run, and a finished plan says so without calls', async () => {
    const junk: ScriptedReply = { text: 'I am not sure what to change.' };
    const g = await editor({ 'src/a.ts': [{ text: bump('a') }], 'src/b.ts': [junk, junk, junk, { text: bump('b') }] });
    await savePlanFile(repo.root, 'res-6666', [step('src/a.ts'), step('src/b.ts')]);
    const first = await runCli(['apply', '--last', '--json'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(first.exitCode).toBe(1);
    expect(JSON.parse(first.stdout).steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'failed']);
    await repo.git('checkout', '-q', 'main');

    const second = await runCli(['apply', '--last', '--json'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stderr).toContain('resuming plan res-6666 on tandem/res-6666: 1 step already committed, 1 left');
    const steps = JSON.parse(second.stdout).steps;
    expect(steps.map((s: { status: string }) => s.status)).toEqual(['skipped', 'applied']);
    expect(steps[0].reason).toMatch(/^already committed as [0-9a-f]{7}$/);
    expect((await commitsOn('tandem/res-6666')).sort()).toEqual(['tandem: change src/a.ts', 'tandem: change src/b.ts']);
    const calls = chats(g).length;

    const third = await runCli(['apply', '--last'], { cwd: repo.root, env: gatewayEnv(g) });
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toContain('All 2 steps of plan res-6666 were already committed on branch tandem/res-6666: nothing to do.');
    expect(chats(g)).toHaveLength(calls);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});

describe('signals', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s stops the calls, keeps the committed step, prints the report and exits %i', async (signal, code) => {
    const g = await editor({ 'src/a.ts': [{ text: bump('a') }], 'src/b.ts': [{ text: bump('b'), delayMs: 30_000 }] });
    await savePlanFile(repo.root, 'sig-7777', [step('src/a.ts'), step('src/b.ts')]);
    const run = startCli(['apply', 'sig-7777', '--json', '--concurrency', '2'], repo.root, gatewayEnv(g));
    await until(async () => chats(g).length === 2 && (await commitsOn('tandem/sig-7777').catch(() => [])).length === 1, 'the first step to be committed');
    run.kill(signal);
    const result = await run;
    expect(result.exitCode).toBe(code);
    const report = JSON.parse(result.stdout);
    expect(report.steps.map((s: { status: string; reason?: string }) => [s.status, s.reason])).toEqual([
      ['applied', undefined],
      ['skipped', 'interrupted'],
    ]);
    expect(await commitsOn('tandem/sig-7777')).toEqual(['tandem: change src/a.ts']);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
