import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WITHHELD_REASONS, withheldPaths, withheldTracked } from '../../src/disclosure/ignore-rules.js';
import { withheldReason } from '../../src/disclosure/policy.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture({
    '.gitignore': 'logs/\n*.local.json\n',
    '.tandemignore': 'private/**\n!private/readme.md\ndocs/internal.md\n',
    'src/app.ts': 'export {};\n',
    'private/plan.md': 'plan\n',
    'private/readme.md': 'readme\n',
    'docs/internal.md': 'internal\n',
    'docs/public.md': 'public\n',
  });
  // Tracked although .gitignore matches it: it is still withheld.
  await writeFile(join(repo.root, 'settings.local.json'), '{}\n');
  await repo.git('add', '-f', 'settings.local.json');
  await repo.git('commit', '-qm', 'forced');
});
afterEach(() => repo.cleanup());

describe('withheldPaths', () => {
  it('withholds the built-in secret files, then .gitignore matches, then .tandemignore matches (negation included: git does the matching)', async () => {
    const paths = ['src/app.ts', '.env', 'certs/server.pem', 'logs/today.log', 'settings.local.json', 'private/plan.md', 'private/readme.md', 'docs/internal.md', 'docs/public.md', 'new/untracked.ts'];
    const withheld = await withheldPaths(repo.root, paths);
    expect(Object.fromEntries(withheld)).toEqual({
      '.env': WITHHELD_REASONS.secretFile,
      'certs/server.pem': WITHHELD_REASONS.secretFile,
      'logs/today.log': WITHHELD_REASONS.gitignore,
      'settings.local.json': WITHHELD_REASONS.gitignore,
      'private/plan.md': WITHHELD_REASONS.tandemignore,
      'docs/internal.md': WITHHELD_REASONS.tandemignore,
    });
  });

  it('answers for one path', async () => {
    expect(await withheldReason(repo.root, 'docs/internal.md')).toBe('withheld: matched by .tandemignore');
    expect(await withheldReason(repo.root, 'docs/public.md')).toBeUndefined();
  });

  it('needs no .tandemignore', async () => {
    await repo.git('rm', '-q', '.tandemignore');
    expect(Object.fromEntries(await withheldPaths(repo.root, ['docs/internal.md', 'logs/a']))).toEqual({ 'logs/a': WITHHELD_REASONS.gitignore });
  });
});

describe('withheldTracked', () => {
  it('agrees with withheldPaths on every tracked file', async () => {
    const tracked = (await repo.git('ls-files')).split('\n');
    const check = await withheldTracked(repo.root);
    const slow = await withheldPaths(repo.root, tracked);
    expect(Object.fromEntries(tracked.flatMap((path) => (check(path) ? [[path, check(path)]] : [])))).toEqual(Object.fromEntries(slow));
    expect(check('settings.local.json')).toBe(WITHHELD_REASONS.gitignore);
    expect(check('docs/internal.md')).toBe(WITHHELD_REASONS.tandemignore);
  });

  it('ignores a symlink target it does not follow (the reader checks targets)', async () => {
    await symlink('.env', join(repo.root, 'env-link'));
    expect((await withheldTracked(repo.root))('env-link')).toBeUndefined();
  });
});
