import { describe, expect, test } from 'vitest';
import { countMessages, countTokens } from '../../src/tokens/count.js';

describe('countTokens', () => {
  test('counts with the cl100k_base tokenizer', async () => {
    expect(await countTokens('hello world')).toBe(2);
    expect(await countTokens('export function add(a: number, b: number): number {\n  return a + b;\n}\n')).toBe(20);
    expect(await countTokens('')).toBe(0);
  });

  test('counts special-token text in a source file as plain text instead of throwing', async () => {
    expect(await countTokens('const end = "<|endoftext|>";')).toBeGreaterThan(5);
  });
});

describe('countMessages', () => {
  test('adds the chat framing to every message and the reply priming, as OpenAI counts a chat', async () => {
    expect(await countMessages([{ role: 'user', content: 'hi' }])).toBe(8);
    const two = await countMessages([
      { role: 'system', content: 'You edit code.' },
      { role: 'user', content: 'hello world' },
    ]);
    // 3 reply + (3 + 1 "system" + 4 content) + (3 + 1 "user" + 2 content)
    expect(two).toBe(17);
  });
});
