import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCiEnv, resolveTask } from '../../src/ci/mode.js';
import { TandemError } from '../../src/errors.js';

describe('isCiEnv', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['0', false],
    ['', false],
    [undefined, false],
  ])('CI=%s -> %s', (value, expected) => {
    expect(isCiEnv(value === undefined ? {} : { CI: value })).toBe(expected);
  });
});

describe('resolveTask', () => {
  it('takes the words, or the trimmed file relative to cwd', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-task-'));
    await writeFile(join(dir, 'task.md'), '\nRename getUser.\n\nEverywhere.\n');
    expect(await resolveTask(['rename', 'it'], undefined, dir)).toBe('rename it');
    expect(await resolveTask([''], 'task.md', dir)).toBe('Rename getUser.\n\nEverywhere.');
  });

  it('refuses no task, two tasks, a missing or empty file with exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-task-'));
    await writeFile(join(dir, 'empty.md'), ' \n');
    const failures = await Promise.all([
      resolveTask([' '], undefined, dir).then(() => null, (e: TandemError) => e),
      resolveTask(['x'], 'empty.md', dir).then(() => null, (e: TandemError) => e),
      resolveTask([], 'missing.md', dir).then(() => null, (e: TandemError) => e),
      resolveTask([], 'empty.md', dir).then(() => null, (e: TandemError) => e),
    ]);
    expect(failures.map((e) => [e?.exitCode, e?.message])).toEqual([
      [2, 'no task given'],
      [2, 'the task is given twice: as words and with --task-file'],
      [2, `cannot read the task file ${join(dir, 'missing.md')}: ENOENT`],
      [2, `the task file ${join(dir, 'empty.md')} is empty`],
    ]);
  });
});
