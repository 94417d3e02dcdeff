import { describe, expect, it } from 'vitest';
import { parseTextFile, serializeTextFile, spliceLines } from '../../src/editor/text-file.js';

describe('text files', () => {
  it.each([[''], ['a'], ['a\n'], ['a\r\nb\r\n'], ['a\nb\r\nc'], ['\uFEFFx\n'], ['\n\n'], ['a\rb\n']])('round-trips %j byte for byte', (content) => {
    expect(serializeTextFile(parseTextFile(content))).toBe(content);
  });

  it('takes the dominant line ending for new lines', () => {
    expect(parseTextFile('a\r\nb\r\nc\n').eol).toBe('\r\n');
    expect(parseTextFile('a\nb\r\n').eol).toBe('\n');
  });

  it('keeps a missing final newline when the last line is replaced, extended or deleted', () => {
    const f = parseTextFile('a\nb');
    expect(serializeTextFile(spliceLines(f, 1, 2, ['B']))).toBe('a\nB');
    expect(serializeTextFile(spliceLines(f, 1, 2, ['B', 'C']))).toBe('a\nB\nC');
    expect(serializeTextFile(spliceLines(f, 2, 2, ['c']))).toBe('a\nb\nc');
    expect(serializeTextFile(spliceLines(f, 1, 2, []))).toBe('a');
    expect(serializeTextFile(spliceLines(parseTextFile('a\nb\n'), 1, 2, []))).toBe('a\n');
  });

  it('gives inserted lines the file\'s ending and keeps the others\' own', () => {
    const f = parseTextFile('a\r\nb\nc\r\n');
    expect(serializeTextFile(spliceLines(f, 1, 1, ['x', 'y']))).toBe('a\r\nx\r\ny\r\nb\nc\r\n');
  });
});
