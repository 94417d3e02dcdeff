import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '../../src/workspace/git.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let fixture: GitFixture;
let workspace: Workspace;
beforeEach(async () => {
  fixture = await gitFixture({ 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n', 'gone.txt': 'bye\n', '[ab].txt': 'glob\n' });
  workspace = await openWorkspace(fixture.root);
});
afterEach(() => fixture.cleanup());

const write = (path: string, content: string) => writeFile(join(fixture.root, path), content);
const read = (path: string) => readFile(join(fixture.root, path), 'utf8');

describe('commit', () => {
  it('commits exactly the given paths (edit, create, delete) and leaves the user work dirty and unstaged as it was', async () => {
    await write('b.txt', 'user staged\n');
    await fixture.git('add', 'b.txt');
    await write('c.txt', 'user unstaged\n');
    await write('user-new.txt', 'user untracked\n');
    await write('a.txt', 'tandem edit\n');
    await write('created.txt', 'tandem new\n');
    await rm(join(fixture.root, 'gone.txt'));
    const before = await fixture.git('rev-parse', 'HEAD');

    const sha = await workspace.commit(['a.txt', 'created.txt', 'gone.txt'], 'tandem: step one', {});

    expect(sha).toBe(await fixture.git('rev-parse', 'HEAD'));
    expect(await fixture.git('rev-parse', 'HEAD~1')).toBe(before);
    expect(await fixture.git('show', '--name-status', '--format=', 'HEAD')).toBe('M\ta.txt\nA\tcreated.txt\nD\tgone.txt');
    expect(await fixture.git('show', 'HEAD:a.txt')).toBe('tandem edit');
    expect(await fixture.git('status', '--porcelain')).toBe('M  b.txt\n M c.txt\n?? user-new.txt');
    expect(await fixture.git('diff', '--cached')).toContain('+user staged');
    expect(await read('c.txt')).toBe('user unstaged\n');
  });

  it('appends trailers after a blank line, readable by git', async () => {
    await write('a.txt', 'x\n');
    await workspace.commit(['a.txt'], 'tandem: add validation', { 'Tandem-Plan': 'p-123', 'Tandem-Step': '2', 'Tandem-Editor': 'qwen2.5-coder:7b' });
    expect(await fixture.git('log', '-1', '--format=%B')).toBe('tandem: add validation\n\nTandem-Plan: p-123\nTandem-Step: 2\nTandem-Editor: qwen2.5-coder:7b');
    expect(await fixture.git('log', '-1', '--format=%(trailers:key=Tandem-Step,valueonly)')).toBe('2');
  });

  it('treats paths literally, never as globs', async () => {
    await write('a.txt', 'user a\n');
    await write('[ab].txt', 'tandem\n');
    await workspace.commit(['[ab].txt'], 'literal', {});
    expect(await fixture.git('show', '--name-only', '--format=', 'HEAD')).toBe('[ab].txt');
    expect(await fixture.git('status', '--porcelain')).toBe(' M a.txt');
  });

  it('refuses an empty path list rather than commit whatever is staged', async () => {
    await write('b.txt', 'staged\n');
    await fixture.git('add', 'b.txt');
    await expect(workspace.commit([], 'x', {})).rejects.toThrow('refusing to commit: no paths given');
    expect(await fixture.git('rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('refuses paths outside the repository and bad trailers before touching git', async () => {
    await expect(workspace.commit(['../x'], 'x', {})).rejects.toThrow('it leads outside the repository');
    await write('a.txt', 'x\n');
    await expect(workspace.commit(['a.txt'], 'x', { 'Bad Key': 'v' })).rejects.toThrow('invalid commit trailer');
    await expect(workspace.commit(['a.txt'], 'x', { Key: 'two\nlines' })).rejects.toThrow('invalid commit trailer');
    expect(await fixture.git('status', '--porcelain')).toBe(' M a.txt');
  });

  it('fails with git message when the paths hold no change', async () => {
    await expect(workspace.commit(['a.txt'], 'x', {})).rejects.toThrow(/^could not commit a\.txt: .*nothing to commit/s);
    expect(await fixture.git('rev-list', '--count', 'HEAD')).toBe('1');
  });

  it('runs no user hooks', async () => {
    await write('.git/hooks/pre-commit', '#!/bin/sh\nexit 1\n');
    await chmod(join(fixture.root, '.git/hooks/pre-commit'), 0o755);
    await write('a.txt', 'x\n');
    await expect(workspace.commit(['a.txt'], 'x', {})).resolves.toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('revert and log', () => {
  it('reverts a commit with a new commit and lists tandem commits with their trailers', async () => {
    await workspace.createBranch('tandem/p1');
    await write('a.txt', 'step 1\n');
    const first = await workspace.commit(['a.txt'], 'tandem: one', { 'Tandem-Plan': 'p1', 'Tandem-Step': '0' });
    await write('b.txt', 'step 2\n');
    const second = await workspace.commit(['b.txt'], 'tandem: two', { 'Tandem-Plan': 'p1', 'Tandem-Step': '1' });
    await write('c.txt', 'user work\n');

    const revert = await workspace.revert(first);

    expect(revert).toBe(await fixture.git('rev-parse', 'HEAD'));
    expect(await read('a.txt')).toBe('a\n');
    expect(await read('b.txt')).toBe('step 2\n');
    expect(await read('c.txt')).toBe('user work\n');
    expect(await fixture.git('log', '-1', '--format=%s')).toBe('Revert "tandem: one"');
    const log = await workspace.log('main..tandem/p1');
    expect(log.map((entry) => [entry.sha, entry.subject, entry.trailers])).toEqual([
      [revert, 'Revert "tandem: one"', {}],
      [second, 'tandem: two', { 'Tandem-Plan': 'p1', 'Tandem-Step': '1' }],
      [first, 'tandem: one', { 'Tandem-Plan': 'p1', 'Tandem-Step': '0' }],
    ]);
    expect(await workspace.log('main..tandem/p1', 1)).toHaveLength(1);
  });

  it('gives up cleanly on a conflicting revert', async () => {
    await write('a.txt', 'one\n');
    const first = await workspace.commit(['a.txt'], 'one', {});
    await write('a.txt', 'two\n');
    await workspace.commit(['a.txt'], 'two', {});
    const head = await workspace.head();
    await expect(workspace.revert(first)).rejects.toThrow(/^could not revert [0-9a-f]{40}: /);
    expect(await workspace.head()).toBe(head);
    expect(await read('a.txt')).toBe('two\n');
    expect(await fixture.git('status', '--porcelain')).toBe('');
  });

  it('refuses unknown commits and option-like arguments with exit 2', async () => {
    await expect(workspace.revert('deadbeef')).rejects.toMatchObject({ exitCode: 2, message: 'no such commit: deadbeef' });
    await expect(workspace.revert('--abort')).rejects.toMatchObject({ exitCode: 2 });
    await expect(workspace.log('--output=/tmp/x')).rejects.toMatchObject({ exitCode: 2 });
  });
});
