import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

const apply = (answer: string, content: string) => applyAnswer(answer, { path: 'a.ts', content });

describe('JSDoc alignment under tabs for spaces and the reverse', () => {
  const spaced = text(['class A {', '  /**', '   * Wrap it.', '   */', '  wrap(a: string): string;', '}']);
  const tabbed = text(['class A {', '\t/**', '\t * Wrap it.', '\t */', '\twrap(a: string): string;', '}']);

  it('re-indents new lines by levels when tabs answer a 2-space file', () => {
    const r = apply(sr(['\t * Wrap it.', '\t */', '\twrap(a: string): string;'], ['\t * Wrap it.', '\t */', '\twrap(', '\t\ta: string,', '\t): string;'], 'a.ts'), spaced);
    expect(r.ok).toBe(true);
    expect(r.after).toBe(text(['class A {', '  /**', '   * Wrap it.', '   */', '  wrap(', '    a: string,', '  ): string;', '}']));
  });

  it('writes tabs when 2-space lines answer a tab file', () => {
    const r = apply(sr(['   * Wrap it.', '   */', '  wrap(a: string): string;'], ['   * Wrap it.', '   */', '  wrap(', '    a: string,', '  ): string;'], 'a.ts'), tabbed);
    expect(r.after).toBe(text(['class A {', '\t/**', '\t * Wrap it.', '\t */', '\twrap(', '\t\ta: string,', '\t): string;', '}']));
  });

  it('places a tab block with JSDoc and a nested body line in a 2-space file', () => {
    const file = text(['class A {', '  x = 1;', '', '  /**', '   * Make it required.', '   */', '  argRequired() {', '    this.required = true;', '    return this;', '  }', '}']);
    const search = ['', '\t/**', '\t * Make it required.', '\t */', '\targRequired() {', '\t\tthis.required = true;'];
    const replace = ['', '\t/**', '\t * Make it required.', '\t *', '\t * @returns {A}', '\t */', '\targRequired() {', '\t\tthis.required = true;'];
    const r = apply(sr(search, replace, 'a.ts'), file);
    expect(r.after).toBe(file.replace('   * Make it required.\n', '   * Make it required.\n   *\n   * @returns {A}\n'));
  });

  it('reads the level of a spaces block made only of JSDoc lines', () => {
    const file = text(['class A {', '\t/**', '\t * Store it.', '\t *', '\t * @param {Object} value', '\t */', '\tstore(value) {}', '}']);
    const r = apply(sr(['   * Store it.', '   *', '   * @param {Object} value', '   */'], ['   * Store it.', '   *', '   * @param {object} value', '   */'], 'a.ts'), file);
    expect(r.after).toBe(file.replace('{Object}', '{object}'));
  });

  it('tells two JSDoc blocks apart by their alignment', () => {
    const doc = (star: string) => [`\t${star} Add it.`, `\t${star}`, `\t${star} @param {string} flags`, `\t${star}/`];
    const file = text(['class A {', '\t/**', ...doc('*'), '\tadd() {}', '', '\t/**', ...doc(' *'), '\tdrop() {}', '}']);
    const search = ['   * Add it.', '   *', '   * @param {string} flags', '   */'];
    const r = apply(sr(search, search.map((l) => l.replace('{string}', '{string[]}')), 'a.ts'), file);
    expect(r.after).toBe(file.replace('\t * @param {string} flags', '\t * @param {string[]} flags'));
  });

  it('refuses when the JSDoc alignment of the block and the file disagree', () => {
    const file = text(['class A {', '  /**', '  * Wrap it.', '  */', '  wrap(a: string): string;', '}']);
    const r = apply(sr(['\t * Wrap it.', '\t */', '\twrap(a: string): string;'], ['\t * Wrap it.', '\t */', '\twrap(', '\t\ta: string,', '\t): string;'], 'a.ts'), file);
    expect(r.ok).toBe(false);
    expect(r.after).toBe(file);
  });
});

describe('unified diffs', () => {
  const diff = (...body: string[]) => ['```diff', '--- a/a.ts', '+++ b/a.ts', ...body, '```', ''].join('\n');

  it('reads unmarked lines between an added line and an added blank line as added', () => {
    const file = text(['class A {', '\tformat () {', '\t\treturn 1', '\t}', '}']);
    const r = apply(diff('@@ @@', ' class A {', '+\tget range () {', '\t\treturn 2', '\t}', '+', ' \tformat () {'), file);
    expect(r.after).toBe(text(['class A {', '\tget range () {', '\t\treturn 2', '\t}', '', '\tformat () {', '\t\treturn 1', '\t}', '}']));
  });

  const fns = text(['function a() {', '  return 1;', '}', '', 'function b() {', '  step();', '}', '', 'function c() {', '  return 1;', '}', '', 'function d() {', '  other();', '}']);

  it('places a later hunk after the earlier one when its old text occurs there once', () => {
    const r = apply(diff('@@ -5,3 +5,3 @@', ' function b() {', '-  step();', '+  step(2);', '@@ -9,3 +9,3 @@', '-  return 1;', '+  return 3;', ' }'), fns);
    expect(r.blocks.map((b) => b.strategy)).toEqual(['exact', 'hunk-order']);
    expect(r.after).toBe(fns.replace('  step();', '  step(2);').replace('c() {\n  return 1;', 'c() {\n  return 3;'));
  });

  it('still refuses a later hunk whose old text occurs twice after the earlier one', () => {
    const file = `${fns}${text(['', 'function e() {', '  return 1;', '}'])}`;
    const r = apply(diff('@@ @@', '-  step();', '+  step(2);', '@@ @@', '-  return 1;', '+  return 3;', ' }'), file);
    expect(r.blocks.map((b) => b.status)).toEqual(['applied', 'refused']);
    expect(r.ok).toBe(false);
    expect(r.after).toBe(file.replace('  step();', '  step(2);'));
  });

  it('does not trust the order of a diff whose hunks were seen out of order', () => {
    const r = apply(diff('@@ @@', '-  other();', '+  other(2);', '@@ @@', '-  step();', '+  step(2);', '@@ @@', '-  return 1;', '+  return 3;', ' }'), fns);
    expect(r.blocks.map((b) => b.status)).toEqual(['applied', 'applied', 'refused']);
    expect(r.after).toBe(fns.replace('  other();', '  other(2);').replace('  step();', '  step(2);'));
  });

  it('does not use the order of hunks across separate SEARCH/REPLACE blocks', () => {
    const answer = [sr(['  step();'], ['  step(2);'], 'a.ts'), sr(['  return 1;', '}'], ['  return 3;', '}'], 'a.ts')].join('\n');
    const r = apply(answer, fns);
    expect(r.blocks.map((b) => b.status)).toEqual(['applied', 'refused']);
  });
});
