import { loadTokenCounter } from '../tokens/count.js';

/** Counts the tokens of a text, synchronously once loaded. */
export type TokenCounter = (text: string) => number;

/**
 * The one token counter of context building (budgets, outline costs, the egress ledger): the
 * project's tokenizer (cl100k_base), loaded on first use. Swap it here to count differently.
 */
export function contextTokenCounter(): Promise<TokenCounter> {
  return loadTokenCounter();
}
