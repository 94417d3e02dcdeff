import { describe, expect, test } from 'vitest';
import { chooseWindow, focusTerms, scoreLines } from '../../src/tokens/window.js';

/** One token per line keeps the budgets in these tests readable. */
const perLine = (): number => 1;

function file(n: number, special: Record<number, string>): string[] {
  return Array.from({ length: n }, (_, i) => special[i + 1] ?? `  filler line ${i + 1};`);
}

describe('focusTerms', () => {
  test('keeps code-like names and longer words, drops common words', () => {
    expect(focusTerms('Rename `getUser` to fetch_user in the loadConfig function and update the docs')).toEqual([
      'getUser',
      'fetch_user',
      'loadConfig',
      'docs',
    ]);
  });
});

describe('scoreLines', () => {
  test('weighs a declaration above a mention and ignores terms found everywhere', () => {
    const lines = ['function parseConfig(text) {', '  return parseConfig(text.trim());', '}', ...Array<string>(9).fill('filler')];
    const { scores, hits } = scoreLines(lines, ['parseConfig', 'filler']);
    expect(scores[0]).toBeGreaterThan(scores[1]);
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[3]).toBe(0);
    expect([...hits.keys()]).toEqual(['parseConfig']);
  });
});

describe('chooseWindow', () => {
  test('centres on the named declaration and grows evenly within the budget', () => {
    const lines = file(100, { 50: 'function parseConfig(text: string) {' });
    expect(chooseWindow(lines, 'Make `parseConfig` trim keys', 11, perLine)).toEqual({ startLine: 45, endLine: 55, terms: ['parseConfig'] });
  });

  test('spans two named places when both fit, and drops the weaker one when they do not', () => {
    const lines = file(100, { 20: 'function loadUser(id) {', 30: 'function saveUser(user) {' });
    const both = chooseWindow(lines, 'Call `saveUser` from `loadUser`', 15, perLine);
    expect(both.startLine).toBeLessThanOrEqual(20);
    expect(both.endLine).toBeGreaterThanOrEqual(30);
    expect(both.endLine - both.startLine + 1).toBe(15);
    expect(both.terms.sort()).toEqual(['loadUser', 'saveUser']);
    const one = chooseWindow(lines, 'Call `saveUser` from `loadUser`', 5, perLine);
    expect(one.endLine - one.startLine + 1).toBe(5);
    expect(one.terms).toHaveLength(1);
  });

  test('starts at the top of the file when the step names nothing in it', () => {
    expect(chooseWindow(file(40, {}), 'Tidy up', 10, perLine)).toEqual({ startLine: 1, endLine: 10, terms: [] });
  });

  test('stays inside the file at its edges', () => {
    const lines = file(30, { 29: 'export const LIMIT = 5;' });
    expect(chooseWindow(lines, 'Raise `LIMIT`', 8, perLine)).toEqual({ startLine: 23, endLine: 30, terms: ['LIMIT'] });
  });
});
