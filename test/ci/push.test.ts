import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushBranch } from '../../src/ci/push.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
let remote: string;
beforeEach(async () => {
  repo = await gitFixture({ 'a.txt': 'a\n' });
  remote = await mkdtemp(join(tmpdir(), 'tandem-remote-'));
  await execa('git', ['init', '-q', '--bare', remote]);
  await repo.git('remote', 'add', 'origin', remote);
  await repo.git('checkout', '-q', '-b', 'tandem/x');
  await repo.git('commit', '-q', '--allow-empty', '-m', 'step');
});
afterEach(async () => {
  await repo.cleanup();
  await rm(remote, { recursive: true, force: true });
});

const remoteHead = async (branch: string) => (await execa('git', ['--git-dir', remote, 'rev-parse', `refs/heads/${branch}`])).stdout;

describe('pushBranch', () => {
  it('pushes the branch and sets its upstream', async () => {
    await pushBranch(repo.root, 'tandem/x');
    expect(await remoteHead('tandem/x')).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await repo.git('rev-parse', '--abbrev-ref', 'tandem/x@{upstream}')).toBe('origin/tandem/x');
  });

  it('never forces: a remote branch that moved elsewhere is refused, with git\'s reason, and the local commit stays', async () => {
    await repo.git('checkout', '-q', '--orphan', 'elsewhere');
    await repo.git('commit', '-q', '--allow-empty', '-m', 'someone else');
    await repo.git('push', '-q', 'origin', 'elsewhere:refs/heads/tandem/x');
    await repo.git('checkout', '-q', 'tandem/x');
    const theirs = await remoteHead('tandem/x');
    const local = await repo.git('rev-parse', 'HEAD');
    const error = await pushBranch(repo.root, 'tandem/x').catch((e: Error) => e);
    expect(error).toMatchObject({ exitCode: 1, hint: 'the commits are on the local branch tandem/x; push it yourself with git push -u origin tandem/x' });
    expect((error as Error).message).toMatch(/^could not push tandem\/x to origin: [\s\S]*rejected/);
    expect(await remoteHead('tandem/x')).toBe(theirs);
    expect(await repo.git('rev-parse', 'HEAD')).toBe(local);
  });

  it('fails clearly when there is no such remote', async () => {
    await expect(pushBranch(repo.root, 'tandem/x', { remote: 'upstream' })).rejects.toThrow(/^could not push tandem\/x to upstream: .*'upstream' does not appear to be a git repository/);
  });
});
