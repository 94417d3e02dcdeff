import { describe, expect, it } from 'vitest';
import { applyAnswerToFiles } from '../../src/editor/engine.js';
import { EditFormatError } from '../../src/editor/errors.js';
import { sr, text } from './helpers.js';

const files: Record<string, string> = {
  'src/a.ts': text(['export const a = 1;', 'export const b = 2;']),
  'src/b.ts': text(['import { a } from "./a";', 'console.log(a);']),
};
const read = (path: string) => files[path] ?? null;

describe('applyAnswerToFiles', () => {
  it('groups blocks by file, a path-less block belonging to the file before it', () => {
    const answer = [
      sr(['export const a = 1;'], ['export const a = 10;'], 'src/a.ts'),
      sr(['export const b = 2;'], ['export const b = 20;']),
      sr(['console.log(a);'], ['console.info(a);'], './src/b.ts'),
    ].join('\n');
    const results = applyAnswerToFiles(answer, read);
    expect(results.map((r) => [r.path, r.ok, r.after])).toEqual([
      ['src/a.ts', true, text(['export const a = 10;', 'export const b = 20;'])],
      ['src/b.ts', true, text(['import { a } from "./a";', 'console.info(a);'])],
    ]);
    expect(results[1].blocks).toEqual([{ index: 2, file: 'src/b.ts', status: 'applied', strategy: 'exact' }]);
  });

  it('creates, deletes and edits files from one git diff, numbering blocks across files', () => {
    const answer = [
      'diff --git a/src/a.ts b/src/a.ts',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -1,2 +1,2 @@',
      ' export const a = 1;',
      '-export const b = 2;',
      '+export const b = 3;',
      '--- /dev/null',
      '+++ b/src/c.ts',
      '@@ -0,0 +1 @@',
      '+export const c = 3;',
      '--- a/src/b.ts',
      '+++ /dev/null',
    ].join('\n');
    const results = applyAnswerToFiles(answer, read);
    expect(results.map((r) => [r.path, r.before === null, r.after])).toEqual([
      ['src/a.ts', false, text(['export const a = 1;', 'export const b = 3;'])],
      ['src/c.ts', true, 'export const c = 3;\n'],
      ['src/b.ts', false, null],
    ]);
    expect(results.map((r) => r.blocks[0].index)).toEqual([0, 1, 2]);
  });

  it('keeps paths as written, even ones outside the repository', () => {
    const seen: string[] = [];
    applyAnswerToFiles(sr(['x'], ['y'], '../outside.txt'), (p) => (seen.push(p), null));
    expect(seen).toEqual(['../outside.txt']);
  });

  it('throws when a block names no file', () => {
    expect(() => applyAnswerToFiles(sr(['x'], ['y']), read)).toThrow(EditFormatError);
    expect(() => applyAnswerToFiles(sr(['x'], ['y']), read)).toThrow('block 1 names no file');
  });

  it('throws when the answer holds no edit', () => {
    expect(() => applyAnswerToFiles('nothing here', read)).toThrow('no edit found in the answer');
  });
});
