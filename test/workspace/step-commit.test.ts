import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../src/workspace/git.js';
import { BranchMovedError, openStepCommitter, StepCommitError, type StepCommitter } from '../../src/workspace/step-commit.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
let committer: StepCommitter | undefined;
beforeEach(async () => {
  repo = await gitFixture({ 'src/a.ts': 'a\n', 'b.txt': 'b\n', 'old.txt': 'old\n' });
  await (await openWorkspace(repo.root)).createBranch('tandem/x');
});
afterEach(async () => {
  await committer?.close();
  committer = undefined;
  await repo.cleanup();
});

const change = (path: string, before: string | null, after: string | null) => ({ path, before, after, message: `tandem: ${path}`, trailers: { 'Tandem-Step': '1' } });

describe('openStepCommitter', () => {
  it('commits edits, creations and deletions on the branch; the tree and index match; the user staged work stays staged and out of the commits', async () => {
    await writeFile(join(repo.root, 'b.txt'), 'b\nmine\n');
    await repo.git('add', 'b.txt');
    await writeFile(join(repo.root, 'notes.txt'), 'untracked\n');
    committer = await openStepCommitter(repo.root, { branch: 'tandem/x' });
    const first = await committer.commit(change('src/a.ts', 'a\n', 'a\nb\n'));
    await committer.commit(change('src/deep/new.ts', null, 'new\n'));
    const last = await committer.commit(change('old.txt', 'old\n', null));
    expect(await repo.git('rev-parse', 'tandem/x')).toBe(last);
    expect(await repo.git('log', '--format=%s', 'main..tandem/x')).toBe('tandem: old.txt\ntandem: src/deep/new.ts\ntandem: src/a.ts');
    expect(await repo.git('show', '--name-only', '--format=', first)).toBe('src/a.ts');
    expect(await repo.git('log', '-1', '--format=%(trailers:key=Tandem-Step,valueonly)', first)).toBe('1');
    expect(await readFile(join(repo.root, 'src/deep/new.ts'), 'utf8')).toBe('new\n');
    expect((await repo.git('status', '--porcelain')).split('\n').sort()).toEqual(['?? notes.txt', 'M  b.txt']);
  });

  it('refuses a patch that does not fit the branch tip, changing nothing', async () => {
    committer = await openStepCommitter(repo.root, { branch: 'tandem/x' });
    await writeFile(join(repo.root, 'src/a.ts'), 'not what the branch holds\n');
    await expect(committer.commit(change('src/a.ts', 'not what the branch holds\n', 'z\n'))).rejects.toThrow(StepCommitError);
    expect(await repo.git('rev-parse', 'tandem/x')).toBe(await repo.git('rev-parse', 'main'));
    expect(await readFile(join(repo.root, 'src/a.ts'), 'utf8')).toBe('not what the branch holds\n');
    expect(await repo.git('diff', '--cached', '--name-only')).toBe('');
  });

  it('stops when the branch moved underneath (another commit on it), committing nothing and leaving the file', async () => {
    committer = await openStepCommitter(repo.root, { branch: 'tandem/x' });
    await repo.git('commit', '-q', '--allow-empty', '-m', 'someone else');
    const moved = await repo.git('rev-parse', 'tandem/x');
    await expect(committer.commit(change('src/a.ts', 'a\n', 'z\n'))).rejects.toThrow(BranchMovedError);
    expect(await repo.git('rev-parse', 'tandem/x')).toBe(moved);
    expect(await readFile(join(repo.root, 'src/a.ts'), 'utf8')).toBe('a\n');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
