import { describe, expect, test } from 'vitest';
import { percentile } from '../../src/stats/percentile.js';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  test.each([
    { values: [], p: 50, want: null },
    { values: [7], p: 50, want: 7 },
    { values: [7], p: 95, want: 7 },
    { values: [3000, 1200, 900], p: 50, want: 1200 },
    { values: [3000, 1200, 900], p: 95, want: 3000 },
    { values: [1, 2, 3, 4], p: 50, want: 2 },
    { values: oneTo(10), p: 50, want: 5 },
    { values: oneTo(10), p: 95, want: 10 },
    { values: oneTo(20), p: 95, want: 19 },
    { values: oneTo(100), p: 95, want: 95 },
    { values: oneTo(100), p: 1, want: 1 },
    { values: [5, 1, 4, 2, 3], p: 100, want: 5 },
    { values: [10, 10, 10, 99], p: 50, want: 10 },
  ])('p$p of $values is $want', ({ values, p, want }) => {
    expect(percentile(values, p)).toBe(want);
  });

  test('leaves its input unsorted and refuses a percentile outside (0, 100]', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
    expect(() => percentile(values, 0)).toThrow(RangeError);
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });
});
