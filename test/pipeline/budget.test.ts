import { describe, expect, it } from 'vitest';
import type { ModelClient, ModelRequest, ModelResult } from '../../src/gateway/types.js';
import { Budget, BudgetError, budgetReport, DEFAULT_OUTPUT_ALLOWANCE, estimateCall, guardClient, type BudgetStop } from '../../src/pipeline/budget.js';
import { countMessages } from '../../src/tokens/count.js';

const messages: ModelRequest['messages'] = [
  { role: 'system', content: 'You plan.' },
  { role: 'user', content: 'Rename getUser to fetchUser everywhere.' },
];
const sonnet = { pricing: { input: 3, output: 15 } };

describe('estimateCall', () => {
  it('counts the prompt and adds the answer allowance, priced at the role rates', async () => {
    const prompt = await countMessages(messages);
    expect(await estimateCall(sonnet, { messages })).toEqual({
      tokens: prompt + DEFAULT_OUTPUT_ALLOWANCE,
      costUsd: Math.round(((prompt * 3 + 4096 * 15) / 1e6) * 1e10) / 1e10,
    });
    expect(await estimateCall(sonnet, { messages, maxTokens: 10 })).toEqual({ tokens: prompt + 10, costUsd: Math.round(((prompt * 3 + 150) / 1e6) * 1e10) / 1e10 });
  });

  it('has no cost estimate for a role without a price', async () => {
    expect((await estimateCall({}, { messages, maxTokens: 1 })).costUsd).toBeNull();
  });
});

describe('Budget', () => {
  it('refuses a call whose estimate would go over the token limit, and every call after', () => {
    const stops: BudgetStop[] = [];
    const budget = new Budget({ maxTokens: 1000 }, (stop) => stops.push(stop));
    budget.admit({ tokens: 600, costUsd: null }, 'architect call')();
    budget.record({ promptTokens: 500, completionTokens: 100, costUsd: 0.01 });
    const refused = (() => {
      try {
        budget.admit({ tokens: 401, costUsd: 0 }, 'editor call');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(BudgetError);
    expect((refused as BudgetError).exitCode).toBe(3);
    expect((refused as BudgetError).message).toBe('budget reached (--max-tokens 1,000): the editor call (up to 401 tokens) would go over it, with 600 tokens spent');
    expect(stops).toEqual([{ limit: 'tokens', when: 'before-call', max: 1000, spent: 600, message: (refused as BudgetError).message }]);
    expect(() => budget.admit({ tokens: 1, costUsd: 0 }, 'editor call')).toThrow(BudgetError);
    expect(stops).toHaveLength(1);
  });

  it('admits a call that exactly reaches the limit', () => {
    const budget = new Budget({ maxTokens: 1000 });
    budget.record({ promptTokens: 400, completionTokens: 0, costUsd: 0 });
    expect(() => budget.admit({ tokens: 600, costUsd: 0 }, 'editor call')).not.toThrow();
  });

  it('keeps the estimates of calls in flight reserved until they are released', () => {
    const budget = new Budget({ maxCostUsd: 0.1 });
    const release = budget.admit({ tokens: 10, costUsd: 0.06 }, 'editor call');
    expect(() => budget.admit({ tokens: 10, costUsd: 0.05 }, 'editor call')).toThrow('budget reached (--max-cost $0.1000): the editor call (up to $0.0500) would go over it, with $0.0000 spent');

    const other = new Budget({ maxCostUsd: 0.1 });
    const first = other.admit({ tokens: 10, costUsd: 0.06 }, 'editor call');
    first();
    first();
    expect(() => other.admit({ tokens: 10, costUsd: 0.06 }, 'editor call')).not.toThrow();
    release();
  });

  it('stops right after a call that went over, and reports the limit and what was spent', () => {
    const stops: BudgetStop[] = [];
    const budget = new Budget({ maxCostUsd: 0.05, maxTokens: 100_000 }, (stop) => stops.push(stop));
    budget.record({ promptTokens: 1000, completionTokens: 4000, costUsd: 0.063 });
    expect(stops).toEqual([{ limit: 'cost', when: 'after-call', max: 0.05, spent: 0.063, message: 'budget exceeded (--max-cost $0.0500): the last call brought the run to $0.0630' }]);
    budget.record({ promptTokens: 10, completionTokens: 0, costUsd: 0.001 });
    expect(stops).toHaveLength(1);
    expect(() => budget.admit({ tokens: 1, costUsd: 0 }, 'editor call')).toThrow('budget exceeded (--max-cost $0.0500)');
    expect(budgetReport(budget)).toEqual({
      maxCostUsd: 0.05,
      maxTokens: 100_000,
      spentUsd: 0.064,
      spentTokens: 5010,
      spentUsdPartial: false,
      stopped: { limit: 'cost', when: 'after-call', message: 'budget exceeded (--max-cost $0.0500): the last call brought the run to $0.0630' },
    });
  });

  it('counts only known costs, says so, and cannot refuse an unpriced call on cost', () => {
    const budget = new Budget({ maxCostUsd: 0.01 });
    budget.record({ promptTokens: 100, completionTokens: 10, costUsd: null });
    budget.record({ promptTokens: 0, completionTokens: 0, costUsd: null });
    expect(() => budget.admit({ tokens: 100_000, costUsd: null }, 'architect call')).not.toThrow();
    expect(budgetReport(budget)).toMatchObject({ spentUsd: 0, spentTokens: 110, spentUsdPartial: true, stopped: null });
  });
});

describe('guardClient', () => {
  const result: ModelResult = { text: 'ok', model: 'm', provider: 'p', promptTokens: 1, completionTokens: 1, cachedTokens: 0, latencyMs: 1, ttftMs: null, costUsd: 0, costSource: 'pricing' };
  const client = (calls: ModelRequest[], fail = false): ModelClient => ({
    role: 'architect',
    model: 'm',
    async complete(request) {
      calls.push(request);
      if (fail) throw new Error('boom');
      return result;
    },
  });

  it('never sends a call the budget refuses', async () => {
    const calls: ModelRequest[] = [];
    const guarded = guardClient(client(calls), sonnet, new Budget({ maxTokens: 100 }));
    await expect(guarded.complete({ messages })).rejects.toThrow(/^budget reached \(--max-tokens 100\): the architect call \(up to [\d,]+ tokens\) would go over it, with 0 tokens spent$/);
    expect(calls).toHaveLength(0);
  });

  it('passes an admitted call through and frees its reservation even when it fails', async () => {
    const calls: ModelRequest[] = [];
    const budget = new Budget({ maxTokens: 10_000 });
    const failing = guardClient(client(calls, true), sonnet, budget);
    await expect(failing.complete({ messages })).rejects.toThrow('boom');
    await expect(failing.complete({ messages })).rejects.toThrow('boom');
    expect(await guardClient(client(calls), sonnet, budget).complete({ messages })).toBe(result);
    expect(calls).toHaveLength(3);
    expect(calls[0].maxTokens).toBeUndefined();
  });
});

describe('a gateway that sends no usage', () => {
  it('counts the locally estimated tokens, stops on them, and says so in the stop and the report', () => {
    const stops: BudgetStop[] = [];
    const budget = new Budget({ maxTokens: 1000 }, (stop) => stops.push(stop));
    budget.record({ promptTokens: 700, completionTokens: 200, costUsd: 0.0051, usageSource: 'estimated' });
    expect(stops).toEqual([]);
    budget.record({ promptTokens: 150, completionTokens: 20, costUsd: 0.0008, usageSource: 'estimated' });
    expect(stops.map((s) => s.message)).toEqual(['budget exceeded (--max-tokens 1,000): the last call (counted by tandem: the gateway sent no usage) brought the run to 1,070 tokens']);
    expect(budgetReport(budget)).toMatchObject({ spentTokens: 1070, spentUsd: 0.0059, usageSource: 'estimated' });
    expect(budgetReport(new Budget({ maxTokens: 1 })).usageSource).toBeUndefined();
  });
});
