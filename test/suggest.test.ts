import { describe, expect, it } from 'vitest';
import { didYouMean, suggestSimilar } from '../src/suggest.js';

const COMMANDS = ['plan', 'apply', 'run', 'log', 'stats', 'egress', 'undo', 'report', 'init', 'doctor', 'demo', 'patch'];

describe('suggestSimilar', () => {
  it.each([
    ['pln', ['plan']],
    ['aply', ['apply']],
    ['stauts', ['stats']],
    ['dmeo', ['demo']],
    ['xyzzy', []],
    ['r', []],
  ])('%s -> %j', (word, expected) => {
    expect(suggestSimilar(word, COMMANDS)).toEqual(expected);
  });

  it('words the suggestion, or says nothing when nothing is close', () => {
    expect(didYouMean('--lst', ['--last', '--json'])).toBe('Did you mean --last?');
    expect(didYouMean('pln', COMMANDS, (name) => `"tandem ${name}"`)).toBe('Did you mean "tandem plan"?');
    expect(didYouMean('zzz', COMMANDS)).toBe('');
  });
});
