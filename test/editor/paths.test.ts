import { describe, expect, it } from 'vitest';
import { languageMismatch } from '../../src/editor/languages.js';
import { pathMatches } from '../../src/editor/paths.js';

describe('pathMatches', () => {
  it.each([
    ['src/a.ts', true],
    ['a/src/a.ts', true],
    ['b/src/a.ts', true],
    ['./src/a.ts', true],
    ['a.ts', true],
    ['/home/me/repo/src/a.ts', true],
    ['src\\a.ts', true],
    ['lib/a.ts', false],
    ['src/b.ts', false],
    ['ba.ts', false],
  ])('%s names src/a.ts: %s', (written, expected) => {
    expect(pathMatches(written, 'src/a.ts')).toBe(expected);
  });
});

describe('languageMismatch', () => {
  it.each([
    ['bash', 'src/a.ts', true],
    ['python', 'a.js', true],
    ['ts', 'src/a.ts', false],
    ['typescript', 'src/a.tsx', false],
    ['javascript', 'a.mjs', false],
    ['text', 'a.ts', false],
    ['bash', 'Makefile', false],
    [undefined, 'a.ts', false],
  ] as const)('%s for %s: %s', (lang, path, expected) => {
    expect(languageMismatch(lang, path)).toBe(expected);
  });
});
