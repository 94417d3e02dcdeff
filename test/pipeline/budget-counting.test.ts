import { describe, expect, it } from 'vitest';
import type { ModelClient, ModelRequest, ModelResult } from '../../src/gateway/types.js';
import { Budget, BudgetError, guardClient } from '../../src/pipeline/budget.js';
import { countMessages, countTokens, tokenizerLoaded } from '../../src/tokens/count.js';
import { estimateTokens } from '../../src/tokens/estimate.js';

// The tests run in order in a fresh module registry: the tokenizer is not loaded until a test loads it.
const CODE = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
const messages: ModelRequest['messages'] = [{ role: 'user', content: CODE }];
const sonnet = { pricing: { input: 3, output: 15 } };
const result: ModelResult = { text: 'ok', model: 'm', provider: 'p', promptTokens: 1, completionTokens: 1, cachedTokens: 0, latencyMs: 1, ttftMs: null, costUsd: 0, costSource: 'pricing' };

function client(calls: ModelRequest[]): ModelClient {
  return {
    role: 'architect',
    model: 'm',
    async complete(request) {
      calls.push(request);
      return result;
    },
  };
}

describe('the budget counts a prompt only when a limit is set', () => {
  it('with no limit, admits every call without loading the tokenizer', async () => {
    expect(tokenizerLoaded()).toBe(false);
    const calls: ModelRequest[] = [];
    const budget = new Budget({});
    expect(budget.limited).toBe(false);
    const guarded = guardClient(client(calls), sonnet, budget);
    expect(await guarded.complete({ messages })).toBe(result);
    expect(await guarded.complete({ messages, maxTokens: 1_000_000 })).toBe(result);
    expect(calls).toHaveLength(2);
    expect(tokenizerLoaded()).toBe(false);
  });

  it('with --max-tokens, counts the prompt exactly: a call reaching the limit goes, one token more is refused', async () => {
    expect(tokenizerLoaded()).toBe(false);
    const calls: ModelRequest[] = [];
    expect(new Budget({ maxTokens: 1_000_000 }).limited).toBe(true);
    await guardClient(client(calls), sonnet, new Budget({ maxTokens: 1_000_000 })).complete({ messages, maxTokens: 10 });
    expect(tokenizerLoaded()).toBe(true);

    const prompt = await countMessages(messages);
    // The estimate of this prompt is off by one, so only the exact count puts the limit where it is.
    expect(estimateTokens(CODE)).not.toBe(await countTokens(CODE));
    await guardClient(client(calls), sonnet, new Budget({ maxTokens: prompt + 10 })).complete({ messages, maxTokens: 10 });
    const refused = guardClient(client(calls), sonnet, new Budget({ maxTokens: prompt + 9 })).complete({ messages, maxTokens: 10 });
    await expect(refused).rejects.toThrow(BudgetError);
    await expect(refused).rejects.toThrow(`budget reached (--max-tokens ${prompt + 9}): the architect call (up to ${prompt + 10} tokens) would go over it, with 0 tokens spent`);
    expect(calls).toHaveLength(2);
  });

  it('with --max-cost alone, prices the exact count', async () => {
    const calls: ModelRequest[] = [];
    const prompt = await countMessages(messages);
    const cost = (prompt * 3 + 10 * 15) / 1e6;
    await guardClient(client(calls), sonnet, new Budget({ maxCostUsd: cost })).complete({ messages, maxTokens: 10 });
    await expect(guardClient(client(calls), sonnet, new Budget({ maxCostUsd: cost - 3 / 1e6 })).complete({ messages, maxTokens: 10 })).rejects.toThrow(BudgetError);
    expect(calls).toHaveLength(1);
  });
});
