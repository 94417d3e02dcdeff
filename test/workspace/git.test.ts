import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { PatchError } from '../../src/workspace/errors.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { makePatch } from '../../src/workspace/patch.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const execFileAsync = promisify(execFile);
const repos: GitFixture[] = [];
async function repo(files: Record<string, string>, options?: { commit?: boolean }): Promise<GitFixture> {
  const fixture = await gitFixture(files, options);
  repos.push(fixture);
  return fixture;
}
afterEach(async () => {
  await Promise.all(repos.splice(0).map((fixture) => fixture.cleanup()));
});

describe('openWorkspace', () => {
  it('finds the repository root from a subdirectory', async () => {
    const fixture = await repo({ 'src/deep/a.ts': 'a\n' });
    const workspace = await openWorkspace(join(fixture.root, 'src/deep'));
    expect(workspace.root).toBe(fixture.root);
    expect(await workspace.head()).toBe(await fixture.git('rev-parse', 'HEAD'));
    expect(await workspace.currentBranch()).toBe('main');
  });

  it('refuses a folder outside any repository with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-norepo-'));
    try {
      await expect(openWorkspace(dir)).rejects.toMatchObject({ exitCode: 2, message: `not a git repository: ${dir}` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when git cannot be run', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(openWorkspace(fixture.root)).rejects.toMatchObject({ exitCode: 2, message: 'git is not installed or not on PATH' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses a bare repository with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-bare-'));
    try {
      await execFileAsync('git', ['init', '-q', '--bare', dir]);
      await expect(openWorkspace(dir)).rejects.toMatchObject({ exitCode: 2, message: `not a git working tree: ${dir}` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist with exit 2', async () => {
    await expect(openWorkspace('/nonexistent/tandem')).rejects.toMatchObject({ exitCode: 2, message: 'not a git repository: /nonexistent/tandem (no such directory)' });
  });

  it('refuses a repository without commits with exit 2 and a hint', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' }, { commit: false });
    await expect(openWorkspace(fixture.root)).rejects.toMatchObject({
      exitCode: 2,
      message: `the repository at ${fixture.root} has no commits yet`,
      hint: expect.stringContaining('git commit'),
    });
  });
});

describe('dirtyFiles', () => {
  it('lists staged, unstaged, deleted, renamed and untracked files, but not ignored ones or .tandem', async () => {
    const fixture = await repo({ '.gitignore': 'dist/\n', 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n', 'old.txt': 'o\n', 'clean.txt': 'x\n' });
    const workspace = await openWorkspace(fixture.root);
    expect(await workspace.dirtyFiles()).toEqual([]);
    await writeFile(join(fixture.root, 'a.txt'), 'changed\n');
    await writeFile(join(fixture.root, 'b.txt'), 'staged\n');
    await fixture.git('add', 'b.txt');
    await rm(join(fixture.root, 'c.txt'));
    await fixture.git('mv', 'old.txt', 'new.txt');
    await writeFile(join(fixture.root, 'untracked file.txt'), 'u\n');
    await mkdir(join(fixture.root, 'dist'));
    await writeFile(join(fixture.root, 'dist/ignored.js'), 'i\n');
    await writeFile(join(fixture.root, '.tandem-not-state.txt'), 'n\n');
    expect(await workspace.dirtyFiles()).toEqual(['.tandem-not-state.txt', 'a.txt', 'b.txt', 'c.txt', 'new.txt', 'old.txt', 'untracked file.txt']);
  });

  it('does not count tandem state, even before its .gitignore exists', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    const workspace = await openWorkspace(fixture.root);
    await mkdir(join(fixture.root, '.tandem'));
    await writeFile(join(fixture.root, '.tandem/activity.jsonl'), '{}\n');
    expect(await workspace.dirtyFiles()).toEqual([]);
  });
});

describe('branches', () => {
  it('creates a branch at HEAD, checks it out and keeps uncommitted work', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    const workspace = await openWorkspace(fixture.root);
    const base = await workspace.head();
    await writeFile(join(fixture.root, 'a.txt'), 'dirty\n');
    expect(await workspace.branchExists('tandem/p1')).toBe(false);
    await workspace.createBranch('tandem/p1');
    expect(await workspace.currentBranch()).toBe('tandem/p1');
    expect(await workspace.branchExists('tandem/p1')).toBe(true);
    expect(await fixture.git('rev-parse', 'tandem/p1')).toBe(base);
    expect(await readFile(join(fixture.root, 'a.txt'), 'utf8')).toBe('dirty\n');
  });

  it('refuses an existing branch and leaves HEAD where it was', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    await fixture.git('branch', 'tandem/p1');
    const workspace = await openWorkspace(fixture.root);
    await expect(workspace.createBranch('tandem/p1')).rejects.toMatchObject({ exitCode: 2, message: 'branch tandem/p1 already exists' });
    expect(await workspace.currentBranch()).toBe('main');
  });

  it.each(['bad..name', '-x', 'a b', 'x.lock'])('refuses the invalid branch name %j', async (name) => {
    const workspace = await openWorkspace((await repo({ 'a.txt': 'a\n' })).root);
    await expect(workspace.createBranch(name)).rejects.toMatchObject({ exitCode: 2, message: `invalid branch name: ${name}` });
  });

  it('reports a detached HEAD as HEAD', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    await fixture.git('checkout', '-q', '--detach');
    expect(await (await openWorkspace(fixture.root)).currentBranch()).toBe('HEAD');
  });
});

describe('applyPatch', () => {
  it('applies to the working tree only and cleans up its temporary file', async () => {
    const fixture = await repo({ 'a.txt': 'one\ntwo\n' });
    const workspace = await openWorkspace(fixture.root);
    await workspace.applyPatch(makePatch('a.txt', 'one\ntwo\n', 'one\n2\n') + makePatch('n.txt', null, 'new\n'));
    expect(await readFile(join(fixture.root, 'a.txt'), 'utf8')).toBe('one\n2\n');
    expect(await readFile(join(fixture.root, 'n.txt'), 'utf8')).toBe('new\n');
    expect(await fixture.git('diff', '--cached', '--name-only')).toBe('');
    expect(await readdir(join(fixture.root, '.tandem/tmp'))).toEqual([]);
  });

  it('throws PatchError with git message and changes nothing when the patch does not fit', async () => {
    const fixture = await repo({ 'a.txt': 'one\ntwo\n', 'b.txt': 'b\n' });
    const workspace = await openWorkspace(fixture.root);
    const patch = makePatch('b.txt', 'b\n', 'B\n') + makePatch('a.txt', 'one\nthree\n', 'one\n3\n');
    const error = await workspace.applyPatch(patch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PatchError);
    expect((error as PatchError).gitMessage).toBe('error: patch failed: a.txt:1\nerror: a.txt: patch does not apply');
    expect((error as PatchError).exitCode).toBe(1);
    expect(await readFile(join(fixture.root, 'b.txt'), 'utf8')).toBe('b\n');
    expect(await readdir(join(fixture.root, '.tandem/tmp'))).toEqual([]);
  });

  it('refuses to create a file that already exists', async () => {
    const fixture = await repo({ 'a.txt': 'a\n' });
    const error = await (await openWorkspace(fixture.root)).applyPatch(makePatch('a.txt', null, 'x\n')).catch((e: unknown) => e);
    expect((error as PatchError).gitMessage).toBe('error: a.txt: already exists in working directory');
  });

  it('refuses an empty patch', async () => {
    const workspace = await openWorkspace((await repo({ 'a.txt': 'a\n' })).root);
    await expect(workspace.applyPatch('')).rejects.toBeInstanceOf(PatchError);
  });
});
