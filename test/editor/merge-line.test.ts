import { describe, expect, it } from 'vitest';
import { mergeLine } from '../../src/editor/merge-line.js';

describe('mergeLine', () => {
  it('applies the model\'s change to the real line when they touch different text', () => {
    expect(mergeLine('return itmes.length + 1;', 'return items.length + 1;', 'return itmes.length + 2;')).toBe('return items.length + 2;');
    expect(mergeLine('foo(a, b)', 'foo(a, c)', '// foo(a, b)')).toBe('// foo(a, c)');
  });

  it('refuses when both changes touch the same or adjacent characters', () => {
    expect(mergeLine('value + 1', 'value + 2', 'value + 10')).toBeNull();
    expect(mergeLine('foo(a, b)', 'foo(a, c)', 'foo(a, d)')).toBeNull();
  });

  it('accepts the same change made on both sides once', () => {
    expect(mergeLine('cnst x = 1;', 'const x = 1;', 'const x = 1;')).toBe('const x = 1;');
  });
});
