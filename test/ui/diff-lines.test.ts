import { describe, expect, it } from 'vitest';
import { diffLines, scrollTo } from '../../src/ui/diff-lines.js';
import { MATH_DIFF } from './fixtures.js';

describe('diffLines', () => {
  it('classifies file headers, hunks, added, removed and context lines, keeping their markers', () => {
    const lines = diffLines(`${MATH_DIFF}-old line\n`);
    expect(lines.map((line) => line.kind)).toEqual(['file', 'file', 'file', 'hunk', 'context', 'context', 'context', 'added', 'added', 'added', 'added', 'removed']);
    expect(lines[8].text).toBe('+export function subtract(a: number, b: number): number {');
  });
});

describe('scrollTo', () => {
  it('stays between the first line and the last full screen', () => {
    expect(scrollTo(0, -1, 20, 5)).toBe(0);
    expect(scrollTo(0, 3, 20, 5)).toBe(3);
    expect(scrollTo(10, 10, 20, 5)).toBe(15);
    expect(scrollTo(0, 5, 3, 5)).toBe(0);
  });
});
