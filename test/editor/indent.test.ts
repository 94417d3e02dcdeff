import { describe, expect, it } from 'vitest';
import { detectIndent } from '../../src/editor/indent.js';
import { buildIndenter } from '../../src/editor/indenter.js';

describe('detectIndent', () => {
  it.each([
    [['a', '\tb', '\t\tc'], { style: 'tab', unit: 4 }],
    [['a', '  b', '    c', '  d', 'e', '  f'], { style: 'space', unit: 2 }],
    [['a', '    b', '        c', '    d', 'e'], { style: 'space', unit: 4 }],
    [['        lone'], { style: 'space', unit: 4 }],
    [['a', ' * doc'], { style: null, unit: 4 }],
    // Double steps outnumber single ones, yet every step is a whole number of 2.
    [['a', '  b', '      c', '  d', '      e', '  f', '      g', '  h'], { style: 'space', unit: 2 }],
    // JSDoc lines alone: level plus one space of alignment.
    [['   * Store it.', '   *', '   */'], { style: 'space', unit: 2 }],
    [['     * Store it.', '     */'], { style: 'space', unit: 4 }],
    // JSDoc lines are no steps: 2 -> 3 -> 6 would read as a step of 3.
    [['a', '    /**', '     * doc', '     */', '    f() {', '        g();', '    }'], { style: 'space', unit: 4 }],
  ] as const)('%j', (lines, expected) => {
    expect(detectIndent([...lines])).toEqual(expected);
  });
});

describe('buildIndenter', () => {
  const spaces2 = { style: 'space', unit: 2 } as const;
  const spaces4 = { style: 'space', unit: 4 } as const;
  const tabs = { style: 'tab', unit: 4 } as const;

  it('shifts and scales from two levels of evidence', () => {
    const ind = buildIndenter({ pairs: [['if (a) {', '    if (a) {'], ['  b();', '        b();']], model: spaces2, file: spaces4 })!;
    expect([ind.alpha, ind.beta]).toEqual([2, 4]);
    expect(ind.render('    deep();')).toBe('            deep();');
  });

  it('refuses lines whose indentation no single map explains', () => {
    expect(buildIndenter({ pairs: [['a', '  a'], ['  b', '  b'], ['    c', '      c']], model: spaces2, file: spaces2 })).toBeNull();
  });

  it('converts spaces to tabs, keeping alignment spaces', () => {
    const ind = buildIndenter({ pairs: [['    x', '\tx']], model: spaces4, file: tabs })!;
    expect(ind.render('      * doc')).toBe('\t  * doc');
    expect(ind.render('        y')).toBe('\t\ty');
  });

  it('keeps alignment spaces apart from levels when scaling', () => {
    const ind = buildIndenter({ pairs: [['    a', '  a'], ['        b', '    b']], model: spaces4, file: spaces2 })!;
    expect(ind.alpha).toBe(0.5);
    expect(ind.render('     * doc')).toBe('   * doc');
  });

  it('fits levels, not JSDoc alignment, when tabs answer a 2-space file', () => {
    const pairs: Array<[string, string]> = [['\t * Wrap it.', '   * Wrap it.'], ['\t */', '   */'], ['\twrap(a: string): string;', '  wrap(a: string): string;']];
    const ind = buildIndenter({ pairs, model: tabs, file: spaces2 })!;
    expect([ind.alpha, ind.beta]).toEqual([0.5, 0]);
    expect(ind.render('\t\ta: string,')).toBe('    a: string,');
    expect(ind.render('\t * @returns {A}')).toBe('   * @returns {A}');
  });

  it('fits levels when 2-space lines answer a tab file with JSDoc', () => {
    const pairs: Array<[string, string]> = [['   * Wrap it.', '\t * Wrap it.'], ['  wrap(a: string): string;', '\twrap(a: string): string;']];
    const ind = buildIndenter({ pairs, model: spaces2, file: tabs })!;
    expect(ind.render('    a: string,')).toBe('\t\ta: string,');
  });

  it('refuses pairs whose alignment spaces differ', () => {
    expect(buildIndenter({ pairs: [['\t * doc', '  * doc'], ['\tx();', '  x();']], model: tabs, file: spaces2 })).toBeNull();
  });

  it('returns null for an indentation that lands between the file\'s levels', () => {
    const ind = buildIndenter({ pairs: [['  a', '    a']], model: spaces2, file: spaces4 })!;
    expect([ind.alpha, ind.beta]).toEqual([1, 2]);
    expect(ind.render('    b')).toBeNull();
  });
});
