import { expect, test } from 'vitest';
import { errorBody, splitText } from '../../src/sim/chat-reply.js';
import { buildUsage, estimateTokens } from '../../src/sim/usage.js';

test('splitText makes nearly equal pieces without splitting code points', () => {
  expect(splitText('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
  expect(splitText('ab', 5)).toEqual(['a', 'b']);
  expect(splitText('', 3)).toEqual([]);
  expect(splitText('😀😀', 2)).toEqual(['😀', '😀']);
});

test('errorBody fills type and code from the status', () => {
  expect(errorBody(404, undefined)).toEqual({ error: { message: 'Not Found', type: 'not_found_error', code: 404 } });
  expect(errorBody(503, { message: 'no provider', code: 'no_route' })).toEqual({
    error: { message: 'no provider', type: 'server_error', code: 'no_route' },
  });
});

test('usage estimates a quarter of the characters, rounded up', () => {
  expect(estimateTokens('12345')).toBe(2);
  const body = { messages: [{ role: 'system', content: 'abcd' }, { role: 'user', content: 'efghi' }] };
  expect(buildUsage({ text: 'abcdefghi' }, body)).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
});
