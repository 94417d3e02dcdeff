import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CORPUS, pathsText, readCorpus } from '../../bench/tokens/corpus.mjs';
import { loadTokenCounter } from '../../src/tokens/count.js';
import { estimateTokens } from '../../src/tokens/estimate.js';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

describe('estimateTokens', () => {
  test('counts nothing in an empty text and at least one token in any other', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens(' ')).toBe(1);
    expect(estimateTokens('\n')).toBe(1);
    expect(estimateTokens('a')).toBe(1);
  });

  test('prices the pieces cl100k makes: words, camelCase humps, digit groups, contractions, mark runs, paths', async () => {
    const count = await loadTokenCounter();
    // Each of these is estimated exactly; together they cover every kind of piece.
    for (const text of [
      'hello world',
      "it's 'string'",
      'parseHTMLBody',
      '12345678',
      'const x = [1, 2, 3];',
      '});\n',
      'src/context/repo-map.ts\n',
      'Привет мир',
    ]) {
      expect(estimateTokens(text), text).toBe(count(text));
    }
    expect(estimateTokens('export function add(a: number, b: number): number {\n  return a + b;\n}\n')).toBe(21);
    expect(count('export function add(a: number, b: number): number {\n  return a + b;\n}\n')).toBe(20);
  });

  test('prices long blank runs by their length, as cl100k merges only so many blanks into a token', async () => {
    const count = await loadTokenCounter();
    for (const blank of [' ', '\n', '\t']) {
      for (const n of [200, 1000]) {
        const text = `x${blank.repeat(n)}x`;
        expect(Math.abs(estimateTokens(text) - count(text)), `${n} x ${JSON.stringify(blank)}`).toBeLessThanOrEqual(Math.max(1, count(text) * 0.25));
      }
    }
  });

  test('treats special-token text as plain text', () => {
    expect(estimateTokens('const end = "<|endoftext|>";')).toBeGreaterThan(5);
  });
});

describe('calibration against cl100k_base (bench/tokens/corpus.mjs)', () => {
  const files = readCorpus(nodeModules);
  const paths = pathsText(nodeModules);

  test('the corpus is the one listed, every kind of file in it', () => {
    expect(files).toHaveLength(Object.values(CORPUS).flat().length);
    expect(files.length).toBeGreaterThan(90);
    expect(paths.split('\n').length).toBeGreaterThan(1000);
  });

  test('comes within 5% of the exact count over the corpus and the paths, and within 10% for each kind', async () => {
    const count = await loadTokenCounter();
    const kinds = new Map<string, { exact: number; estimate: number }>();
    for (const file of [...files, { kind: 'paths', path: 'paths', text: paths }]) {
      const sums = kinds.get(file.kind) ?? { exact: 0, estimate: 0 };
      sums.exact += count(file.text);
      sums.estimate += estimateTokens(file.text);
      kinds.set(file.kind, sums);
    }
    const all = [...kinds.values()].reduce((sum, k) => ({ exact: sum.exact + k.exact, estimate: sum.estimate + k.estimate }));
    expect(all.estimate / all.exact).toBeGreaterThanOrEqual(0.95);
    expect(all.estimate / all.exact).toBeLessThanOrEqual(1.05);
    const listed = kinds.get('paths')!;
    expect(listed.estimate / listed.exact).toBeGreaterThanOrEqual(0.95);
    expect(listed.estimate / listed.exact).toBeLessThanOrEqual(1.05);
    const outside = [...kinds].filter(([, k]) => Math.abs(k.estimate / k.exact - 1) > 0.1).map(([kind, k]) => `${kind} ${(k.estimate / k.exact).toFixed(3)}`);
    expect(outside).toEqual([]);
  });

  test('comes within 15% of the exact count on every file of more than 2 KB', async () => {
    const count = await loadTokenCounter();
    const big = files.filter((file) => file.text.length > 2048);
    expect(big.length).toBeGreaterThan(80);
    const outside = big
      .map((file) => ({ path: file.path, ratio: estimateTokens(file.text) / count(file.text) }))
      .filter((file) => Math.abs(file.ratio - 1) > 0.15)
      .map((file) => `${file.path} ${file.ratio.toFixed(3)}`);
    expect(outside).toEqual([]);
  });
});
