import { describe, expect, test } from 'vitest';
import { escapeHtml } from '../../../src/report/html/escape.js';
import { compactNumber, niceCeiling } from '../../../src/report/html/scale.js';

describe('niceCeiling', () => {
  test.each([
    [0, 1], [-3, 1], [Number.NaN, 1], [1, 1], [1.01, 2], [2, 2], [2.4, 2.5], [3, 5], [8, 10], [10, 10], [11, 20],
    [0.0172, 0.02], [0.0125, 0.02], [0.012, 0.02], [0.0021, 0.0025], [45.4, 50], [45_400, 50_000], [0.3, 0.5],
  ])('%d -> %d', (max, want) => {
    expect(niceCeiling(max)).toBe(want);
  });
});

describe('compactNumber', () => {
  test.each([
    [0, '0'], [0.5, '0.5'], [2.5, '2.5'], [7, '7'], [950, '950'], [1234, '1.2k'], [10_000, '10k'], [34_567, '35k'], [1_500_000, '1.5M'], [-1234, '-1.2k'],
  ])('%d -> %s', (value, want) => {
    expect(compactNumber(value)).toBe(want);
  });
});

describe('escapeHtml', () => {
  test.each([
    ['plain', 'plain'],
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["it's & co", 'it&#39;s &amp; co'],
    [42, '42'],
  ])('%j -> %j', (text, want) => {
    expect(escapeHtml(text)).toBe(want);
  });
});
