import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TandemError } from '../../src/errors.js';
import { describeUndo } from '../../src/commands/undo.js';
import { findLastRun, revertCommit, undoLastRun } from '../../src/pipeline/undo.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { runCli } from '../helpers/cli.js';
import { runInTty } from '../helpers/tty-run.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;

beforeEach(async () => {
  repo = await gitFixture({ 'a.txt': 'a0\n', 'b.txt': 'b0\n', 'c.txt': 'c0\n' });
});
afterEach(async () => {
  await repo.cleanup();
});

/** Commits `content` to `file` as tandem does: a subject, then the Tandem-Plan and Tandem-Step trailers (none for the user's own commits). */
async function commit(file: string, content: string, subject: string, plan?: string, step?: number): Promise<string> {
  await writeFile(join(repo.root, file), content);
  await repo.git('add', file);
  const trailers = plan ? ['-m', `Tandem-Plan: ${plan}\nTandem-Step: ${step}\nTandem-Editor: qwen`] : [];
  await repo.git('commit', '-q', '-m', subject, ...trailers);
  return repo.git('rev-parse', 'HEAD');
}

async function twoRuns() {
  const p1s1 = await commit('a.txt', 'a1\n', 'tandem: first a', 'plan-one', 1);
  const user = await commit('c.txt', 'c1\n', 'my own change');
  const p2s1 = await commit('a.txt', 'a2\n', 'tandem: second a', 'plan-two', 1);
  const p2s2 = await commit('b.txt', 'b2\n', 'tandem: second b', 'plan-two', 2);
  return { p1s1, user, p2s1, p2s2 };
}

const read = (file: string) => readFile(join(repo.root, file), 'utf8');
const subjects = async (n: number) => (await repo.git('log', `-${n}`, '--format=%s')).split('\n');

describe('undoLastRun', () => {
  it("reverts the newest run's commits newest first, then the run before it, then finds nothing", async () => {
    const { p1s1, p2s1, p2s2 } = await twoRuns();
    const workspace = await openWorkspace(repo.root);
    expect((await findLastRun(workspace))?.commits.map((c) => c.sha)).toEqual([p2s2, p2s1]);

    const first = await undoLastRun(workspace);
    expect(first.planId).toBe('plan-two');
    expect(first.branch).toBe('main');
    expect(first.reverted.map((r) => [r.sha, r.subject])).toEqual([
      [p2s2, 'tandem: second b'],
      [p2s1, 'tandem: second a'],
    ]);
    expect(first.reverted[1].revertedBy).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await subjects(2)).toEqual(['Revert "tandem: second a"', 'Revert "tandem: second b"']);
    expect([await read('a.txt'), await read('b.txt'), await read('c.txt')]).toEqual(['a1\n', 'b0\n', 'c1\n']);

    const second = await undoLastRun(workspace);
    expect(second.planId).toBe('plan-one');
    expect(second.reverted.map((r) => r.sha)).toEqual([p1s1]);
    expect([await read('a.txt'), await read('c.txt')]).toEqual(['a0\n', 'c1\n']);

    const nothing = await undoLastRun(workspace).catch((error: unknown) => error);
    expect(nothing).toBeInstanceOf(TandemError);
    expect((nothing as TandemError).exitCode).toBe(1);
    expect((nothing as TandemError).message).toBe('nothing to undo: no tandem commits on branch main');
  });

  it('leaves out a step the user already reverted', async () => {
    const { p2s1, p2s2 } = await twoRuns();
    const workspace = await openWorkspace(repo.root);
    await revertCommit(workspace, p2s2);
    const result = await undoLastRun(workspace);
    expect(result.reverted.map((r) => r.sha)).toEqual([p2s1]);
    expect([await read('a.txt'), await read('b.txt')]).toEqual(['a1\n', 'b0\n']);
    expect(describeUndo(result)).toBe(`Undid plan plan-two on main: 1 commit reverted.\n  ${p2s1.slice(0, 7)} tandem: second a  ->  reverted by ${result.reverted[0].revertedBy.slice(0, 7)}`);
  });

  it('refuses a dirty tree with exit 2 and touches nothing', async () => {
    await twoRuns();
    const head = await repo.git('rev-parse', 'HEAD');
    await writeFile(join(repo.root, 'c.txt'), 'unsaved\n');
    const workspace = await openWorkspace(repo.root);
    const error = await undoLastRun(workspace).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).exitCode).toBe(2);
    expect((error as TandemError).message).toBe('the working tree has uncommitted changes: c.txt');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(await read('c.txt')).toBe('unsaved\n');
    await expect(revertCommit(workspace, head)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('stops at a commit that no longer reverts cleanly, keeps the reverts made before it, and leaves no revert in progress', async () => {
    const { p2s1, p2s2 } = await twoRuns();
    await commit('a.txt', 'a3 by hand\n', 'edit a again');
    const workspace = await openWorkspace(repo.root);
    const error = (await undoLastRun(workspace).catch((e: unknown) => e)) as TandemError;
    expect(error).toBeInstanceOf(TandemError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(new RegExp(`^could not undo ${p2s1.slice(0, 7)} "tandem: second a" of plan plan-two \\(1 reverted before it: ${p2s2.slice(0, 7)}\\): `));
    expect(await subjects(1)).toEqual(['Revert "tandem: second b"']);
    expect(await repo.git('status', '--porcelain')).toBe('');
    expect(await read('a.txt')).toBe('a3 by hand\n');
  });
});

describe('tandem undo', () => {
  it('prints what it reverted (exit 0), then exit 1 when nothing is left, and exit 2 on a dirty tree', async () => {
    const sha = await commit('a.txt', 'a1\n', 'tandem: only step', 'plan-x', 1);
    const done = await runCli(['undo', '--yes'], { cwd: repo.root });
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stdout).toMatch(
      new RegExp(`^Undo plan plan-x on main: revert 1 commit, newest first:\n  ${sha.slice(0, 7)} tandem: only step\nUndid plan plan-x on main: 1 commit reverted\\.\n  [0-9a-f]{7} tandem: only step {2}-> {2}reverted by [0-9a-f]{7}$`),
    );
    expect(await read('a.txt')).toBe('a0\n');

    const none = await runCli(['undo'], { cwd: repo.root });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('tandem: nothing to undo: no tandem commits on branch main');

    await commit('a.txt', 'a2\n', 'tandem: again', 'plan-y', 1);
    await writeFile(join(repo.root, 'b.txt'), 'dirty\n');
    const dirty = await runCli(['undo', '--yes'], { cwd: repo.root });
    expect(dirty.exitCode).toBe(2);
    expect(dirty.stderr).toContain('uncommitted changes: b.txt');
  });
});

describe('tandem undo asks first', () => {
  it('without a terminal it shows the commits and needs --yes (exit 2); --dry-run only shows', async () => {
    const sha = await commit('a.txt', 'a1\n', 'tandem: only step', 'plan-x', 1);
    const asked = await runCli(['undo'], { cwd: repo.root });
    expect(asked.exitCode).toBe(2);
    expect(asked.stdout).toBe(`Undo plan plan-x on main: revert 1 commit, newest first:\n  ${sha.slice(0, 7)} tandem: only step`);
    expect(asked.stderr).toContain('there is no terminal to ask in');
    expect(asked.stderr).toContain('pass --yes to revert without asking, or --dry-run to only look');

    const dry = await runCli(['undo', '--dry-run'], { cwd: repo.root });
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was reverted.');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(sha);
    expect(await read('a.txt')).toBe('a1\n');
  });

  it('at a terminal, "n" reverts nothing and "y" reverts', async () => {
    const sha = await commit('a.txt', 'a1\n', 'tandem: only step', 'plan-x', 1);
    const no = await runInTty(['undo'], { cwd: repo.root, answers: [{ when: '[y/N]', send: 'n\r' }] });
    expect(no.exitCode).toBe(0);
    expect(no.output).toContain(`  ${sha.slice(0, 7)} tandem: only step`);
    expect(no.output).toContain('Nothing was reverted.');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(sha);

    const yes = await runInTty(['undo'], { cwd: repo.root, answers: [{ when: '[y/N]', send: 'y\r' }] });
    expect(yes.exitCode, yes.output).toBe(0);
    expect(yes.output).toContain('Undid plan plan-x on main: 1 commit reverted.');
    expect(await read('a.txt')).toBe('a0\n');
  });

  it("back on main after a run, finds the run's branch and reverts there, staying on main", async () => {
    await repo.git('switch', '-q', '-c', 'tandem/plan-z');
    const step = await commit('b.txt', 'b1\n', 'tandem: change b', 'plan-z', 1);
    await repo.git('switch', '-q', 'main');
    const mainHead = await repo.git('rev-parse', 'HEAD');

    const dry = await runCli(['undo', '--dry-run'], { cwd: repo.root });
    expect(dry.stdout).toContain("Undo plan plan-z on tandem/plan-z (the last run's branch; you are on main and stay there): revert 1 commit");
    expect(dry.stdout).toContain(`  ${step.slice(0, 7)} tandem: change b`);

    const done = await runCli(['undo', '--yes'], { cwd: repo.root });
    expect(done.exitCode, done.stderr).toBe(0);
    expect(done.stdout).toContain('Undid plan plan-z on tandem/plan-z: 1 commit reverted.');
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(mainHead);
    expect(await repo.git('log', '-1', '--format=%s', 'tandem/plan-z')).toBe('Revert "tandem: change b"');
    expect(await repo.git('show', 'tandem/plan-z:b.txt')).toBe('b0');

    const none = await runCli(['undo', '--yes'], { cwd: repo.root });
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain('nothing to undo');
  });
});
