import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathRefusedError } from '../../src/workspace/errors.js';
import { confinePath } from '../../src/workspace/paths.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
let outside: GitFixture;

beforeAll(async () => {
  repo = await gitFixture({ 'src/a.ts': 'a\n', 'docs/readme.md': '# r\n' });
  outside = await gitFixture({ 'secret.txt': 'secret\n' });
  await symlink(outside.root, join(repo.root, 'escape'));
  await symlink(join(outside.root, 'secret.txt'), join(repo.root, 'secret-link.txt'));
  await symlink('src', join(repo.root, 'src-link'));
  await symlink('.git', join(repo.root, 'git-link'));
  await symlink(join(repo.root, 'nowhere'), join(repo.root, 'dangling'));
  await mkdir(join(repo.root, 'empty-dir'));
});

afterAll(async () => {
  await repo.cleanup();
  await outside.cleanup();
});

function refusal(path: string): string {
  try {
    confinePath(repo.root, path);
  } catch (error) {
    expect(error).toBeInstanceOf(PathRefusedError);
    expect((error as PathRefusedError).exitCode).toBe(1);
    return (error as PathRefusedError).reason;
  }
  throw new Error(`${path} was accepted`);
}

describe('confinePath', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['src//lib/../a.ts', 'src/a.ts'],
    ['src\\new.ts', 'src/new.ts'],
    ['brand/new/file.ts', 'brand/new/file.ts'],
    ['src-link/a.ts', 'src-link/a.ts'],
    ['.github/workflows/ci.yml', '.github/workflows/ci.yml'],
    ['.gitignore', '.gitignore'],
    ['src/.tandem/x', 'src/.tandem/x'],
    ['empty-dir/x', 'empty-dir/x'],
  ])('accepts %s as %s', (input, expected) => {
    expect(confinePath(repo.root, input)).toBe(expected);
  });

  it.each([
    ['/etc/passwd', 'it is absolute; use a path relative to the repository root'],
    ['C:\\Windows\\x', 'it is absolute; use a path relative to the repository root'],
    ['../outside.txt', 'it leads outside the repository'],
    ['src/../../x', 'it leads outside the repository'],
    ['..\\..\\x', 'it leads outside the repository'],
    ['..', 'it leads outside the repository'],
    ['.git/config', 'it is inside .git, which tandem never touches'],
    ['.GIT/x', 'it is inside .git, which tandem never touches'],
    ['sub/.Git/hooks/pre-commit', 'it is inside .git, which tandem never touches'],
    ['.git./config', 'it is inside .git, which tandem never touches'],
    ['.git', 'it is inside .git, which tandem never touches'],
    ['.tandem/plans/p1.json', "it is inside .tandem, tandem's own state"],
    ['./.Tandem/activity.jsonl', "it is inside .tandem, tandem's own state"],
    ['', 'it is empty'],
    ['   ', 'it is empty'],
    ['.', 'it names the repository root, not a file'],
    ['src/..', 'it names the repository root, not a file'],
    ['a\0b', 'it contains a NUL byte'],
    ['escape/secret.txt', 'it goes through a symlink that leads outside the repository'],
    ['escape/new-file.txt', 'it goes through a symlink that leads outside the repository'],
    ['secret-link.txt', 'it goes through a symlink that leads outside the repository'],
    ['git-link/config', 'it goes through a symlink into .git'],
    ['dangling', 'it goes through a symlink whose target does not exist'],
  ])('refuses %j: %s', (input, reason) => {
    expect(refusal(input)).toBe(reason);
  });

  it('names the refused path in the message', () => {
    expect(() => confinePath(repo.root, '../x')).toThrow('refusing path "../x": it leads outside the repository');
  });
});
