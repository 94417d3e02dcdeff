import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readContextFiles } from '../../src/disclosure/read-files.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture({ '.gitignore': '.env\n', 'src/a.ts': 'export const a = 1;\n', 'img.bin': 'x\0y' });
  await writeFile(join(repo.root, '.env'), 'TOKEN=abc123def456\n');
  await symlink('../.env', join(repo.root, 'src/env-link.ts'));
});
afterEach(() => repo.cleanup());

describe('readContextFiles', () => {
  it('reads allowed files once each and says why the others are not sent', async () => {
    const read = await readContextFiles(repo.root, ['src/a.ts', './src/a.ts', '.env', 'src/env-link.ts', '../outside.ts', 'img.bin', 'src/missing.ts']);
    expect(read.files).toEqual([{ path: 'src/a.ts', content: 'export const a = 1;\n' }]);
    expect(read.withheld).toEqual([
      { path: '../outside.ts', reason: expect.stringContaining('outside the repository') },
      { path: '.env', reason: 'withheld: a secret file (keys, credentials, .env)' },
      // A symlink is judged by its target too.
      { path: 'src/env-link.ts', reason: 'withheld: a secret file (keys, credentials, .env)' },
      { path: 'img.bin', reason: 'binary file' },
      { path: 'src/missing.ts', reason: 'no such file' },
    ]);
  });
});
