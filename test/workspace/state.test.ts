import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureStateDir, planFile, plansDir, runFile, runsDir, stateDir, tmpDir } from '../../src/workspace/state.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

describe('state folder paths', () => {
  it('lays out .tandem paths', () => {
    expect(stateDir('/r')).toBe('/r/.tandem');
    expect(plansDir('/r')).toBe('/r/.tandem/plans');
    expect(planFile('/r', 'p-20250101-abc')).toBe('/r/.tandem/plans/p-20250101-abc.json');
    expect(runsDir('/r')).toBe('/r/.tandem/runs');
    expect(runFile('/r', 'r1')).toBe('/r/.tandem/runs/r1.json');
    expect(tmpDir('/r')).toBe('/r/.tandem/tmp');
  });

  it.each(['../x', 'a/b', '', '.hidden', 'a..b', '-x'])('refuses the id %j with exit 2', (id) => {
    expect(() => planFile('/r', id)).toThrow(expect.objectContaining({ exitCode: 2 }));
    expect(() => runFile('/r', id)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

});

describe('ensureStateDir', () => {
  let repo: GitFixture;
  beforeEach(async () => {
    repo = await gitFixture({ 'a.txt': 'a\n' });
  });
  afterEach(() => repo.cleanup());

  it('creates .tandem with a * .gitignore, so nothing in it is ever committed or dirty', async () => {
    expect(await ensureStateDir(repo.root)).toBe(join(repo.root, '.tandem'));
    expect(await readFile(join(repo.root, '.tandem/.gitignore'), 'utf8')).toBe('*\n');
    await writeFile(join(repo.root, '.tandem/activity.jsonl'), '{}\n');
    expect(await repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('leaves an existing .gitignore as the user edited it', async () => {
    await ensureStateDir(repo.root);
    await writeFile(join(repo.root, '.tandem/.gitignore'), '*\n!plans/\n');
    await ensureStateDir(repo.root);
    expect(await readFile(join(repo.root, '.tandem/.gitignore'), 'utf8')).toBe('*\n!plans/\n');
  });
});
