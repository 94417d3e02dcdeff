import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { remoteUrl, repoName } from '../../src/activity/repo-name.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture | undefined;
afterEach(async () => repo?.cleanup());

describe('repoName', () => {
  it("is the origin remote's URL without credentials, in a checkout and in a worktree", async () => {
    repo = await gitFixture({ 'a.txt': 'a\n' });
    await repo.git('remote', 'add', 'origin', 'https://bot:ghp_secret123@github.com/acme/api.git');
    expect(await repoName(repo.root)).toBe('https://github.com/acme/api.git');
    const worktree = join(await mkdtemp(join(tmpdir(), 'tandem-wt-')), 'wt');
    await repo.git('worktree', 'add', '-q', worktree);
    try {
      expect(await repoName(worktree)).toBe('https://github.com/acme/api.git');
    } finally {
      await rm(worktree, { recursive: true, force: true });
    }
  });

  it("is the folder's name without a remote", async () => {
    repo = await gitFixture({ 'a.txt': 'a\n' });
    expect(await repoName(repo.root)).toBe(basename(repo.root));
    const plain = await mkdtemp(join(tmpdir(), 'tandem-plain-'));
    await mkdir(join(plain, 'x'));
    expect(await repoName(join(plain, 'x'))).toBe('x');
    await rm(plain, { recursive: true, force: true });
  });

  it('reads only the named remote of a config file', () => {
    const config = '[core]\n\tbare = false\n[remote "upstream"]\n\turl = git@other:x.git\n[remote "origin"]\n\turl = git@github.com:acme/api.git\n\tfetch = +refs/heads/*\n';
    expect(remoteUrl(config, 'origin')).toBe('git@github.com:acme/api.git');
    expect(remoteUrl('[core]\n', 'origin')).toBeUndefined();
  });
});
