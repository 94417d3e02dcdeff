import { describe, expect, it } from 'vitest';
import { buildIndenter, detectIndent } from '../../src/editor/indent.js';

describe('detectIndent', () => {
  it.each([
    [['a', '\tb', '\t\tc'], { style: 'tab', unit: 4 }],
    [['a', '  b', '    c', '  d', 'e', '  f'], { style: 'space', unit: 2 }],
    [['a', '    b', '        c', '    d', 'e'], { style: 'space', unit: 4 }],
    [['        lone'], { style: 'space', unit: 4 }],
    [['a', ' * doc'], { style: null, unit: 4 }],
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

  it('returns null for an indentation that lands between columns', () => {
    const ind = buildIndenter({ pairs: [['    a', '  a'], ['        b', '    b']], model: spaces4, file: spaces2 })!;
    expect(ind.alpha).toBe(0.5);
    expect(ind.render('     odd')).toBeNull();
  });
});
