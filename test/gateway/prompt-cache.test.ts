import { afterEach, describe, expect, test } from 'vitest';
import { createModelClient } from '../../src/gateway/openai-client.js';
import { wireMessages } from '../../src/gateway/prompt-cache.js';
import type { CallRecord, ChatMessage } from '../../src/gateway/types.js';
import { readUsage } from '../../src/gateway/usage.js';
import { startFakeGateway, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { makeRole } from './make-role.js';

const messages: ChatMessage[] = [
  { role: 'system', content: 'You plan.' },
  { role: 'user', content: 'Repository (2 files):\nsrc/a.ts', cacheBreak: true },
  { role: 'user', content: 'Task: rename a' },
];

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('cache breakpoints on the wire', () => {
  test('an Anthropic model gets the message ending the stable prefix as a text part with cache_control', () => {
    expect(wireMessages({ model: 'anthropic/claude-sonnet-4' }, messages)).toEqual([
      { role: 'system', content: 'You plan.' },
      { role: 'user', content: [{ type: 'text', text: 'Repository (2 files):\nsrc/a.ts', cache_control: { type: 'ephemeral' } }] },
      { role: 'user', content: 'Task: rename a' },
    ]);
  });

  test('other models, and promptCache: false, get plain strings and no cacheBreak field', () => {
    const plain = messages.map(({ role, content }) => ({ role, content }));
    expect(wireMessages({ model: 'openai/gpt-4o' }, messages)).toEqual(plain);
    expect(wireMessages({ model: 'claude-sonnet-4', promptCache: false }, messages)).toEqual(plain);
  });
});

describe('cache usage', () => {
  test('OpenAI/OpenRouter style: prompt_tokens_details.cached_tokens and cache_write_tokens', () => {
    expect(readUsage({ prompt_tokens: 5000, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 4000, cache_write_tokens: 600 } })).toEqual({
      prompt: 5000,
      completion: 40,
      cached: 4000,
      cacheWrite: 600,
    });
  });

  test('Anthropic style as LiteLLM passes it: cache_read_input_tokens and cache_creation_input_tokens', () => {
    expect(readUsage({ prompt_tokens: 5000, completion_tokens: 40, cache_read_input_tokens: 0, cache_creation_input_tokens: 4600 })).toEqual({
      prompt: 5000,
      completion: 40,
      cached: 0,
      cacheWrite: 4600,
    });
  });

  test('counts larger than the prompt are capped, garbage is 0', () => {
    expect(readUsage({ prompt_tokens: 100, completion_tokens: 'x', prompt_tokens_details: { cached_tokens: 500, cache_write_tokens: 9 } })).toEqual({
      prompt: 100,
      completion: 0,
      cached: 100,
      cacheWrite: 0,
    });
  });

  const pricing = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 };
  const call = async (reply: ScriptedReply, model = 'anthropic/claude-sonnet-4') => {
    gateway = await startFakeGateway({ routes: [{ replies: [reply] }] });
    const records: CallRecord[] = [];
    const client = createModelClient(makeRole(gateway.url, { role: 'architect', model, pricing }), { onCall: (r) => records.push(r) });
    const result = await client.complete({ messages });
    return { result, records, body: gateway.requests[0].body };
  };

  test('a first round writes the prefix: written tokens at cacheWrite, the rest at input', async () => {
    const { result, records, body } = await call({ text: '{}', promptTokens: 5000, completionTokens: 100, cacheWriteTokens: 4000, cacheUsageStyle: 'anthropic' });
    // 1000 x 3 + 4000 x 3.75 + 100 x 15 = 19,500 micro-USD
    expect(result).toMatchObject({ promptTokens: 5000, cachedTokens: 0, cacheWriteTokens: 4000, costUsd: 0.0195, costSource: 'pricing' });
    expect(records[0]).toMatchObject({ cachedTokens: 0, cacheWriteTokens: 4000 });
    expect(JSON.stringify(body?.messages)).toContain('"cache_control":{"type":"ephemeral"}');
  });

  test('a later round reads it: cached tokens at cachedInput', async () => {
    const { result, records } = await call({ text: '{}', promptTokens: 5000, completionTokens: 100, cachedTokens: 4000 });
    // 1000 x 3 + 4000 x 0.3 + 100 x 15 = 5,700 micro-USD
    expect(result).toMatchObject({ cachedTokens: 4000, cacheWriteTokens: 0, costUsd: 0.0057 });
    expect(records[0]).toMatchObject({ cachedTokens: 4000, cacheWriteTokens: 0 });
  });
});
