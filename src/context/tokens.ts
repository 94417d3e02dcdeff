import { estimateTokens } from '../tokens/estimate.js';

/** Counts the tokens of a text, synchronously. */
export type TokenCounter = (text: string) => number;

/**
 * The one token counter of context building (view budgets, outline costs, rules and named files fitting
 * the budget): the estimate (src/tokens/estimate.ts), within a few percent of cl100k and with no tokenizer
 * to load, so the architect's request never waits for one. Whatever must hold exactly (`--max-tokens`,
 * the egress ledger) counts with src/tokens/count.ts.
 */
export function contextTokenCounter(): TokenCounter {
  return estimateTokens;
}
