import { describe, expect, it } from 'vitest';
import { chooseEditFormat, countLines } from '../../src/editor/format.js';

describe('chooseEditFormat', () => {
  const lines = (n: number) => 'x\n'.repeat(n);
  it.each([
    ['auto', null, 'whole'],
    ['auto', '', 'whole'],
    ['auto', lines(200), 'whole'],
    ['auto', lines(201), 'search-replace'],
    ['udiff', null, 'udiff'],
    ['whole', lines(5000), 'whole'],
    ['search-replace', lines(3), 'search-replace'],
  ] as const)('%s with %s lines -> %s', (configured, content, expected) => {
    expect(chooseEditFormat(configured, content, 200)).toBe(expected);
  });

  it('counts lines with and without a final newline', () => {
    expect([countLines(''), countLines('a'), countLines('a\n'), countLines('a\nb'), countLines('\n')]).toEqual([0, 1, 1, 2, 1]);
  });
});
