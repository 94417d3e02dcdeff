import { countMessages, countTokens } from '../tokens/count.js';
import type { ChatMessage } from './types.js';
import type { UsageTokens } from './usage.js';

/**
 * The local count of a call the gateway sent no usage for (Portkey's Ollama provider, proxies that strip
 * it): prompt tokens from the messages as sent, completion tokens from the streamed text, with tandem's
 * tokenizer. Budgets and reports then count the call instead of taking it for free.
 */
export async function estimateUsage(messages: readonly ChatMessage[], text: string): Promise<UsageTokens> {
  return { prompt: await countMessages(messages), completion: await countTokens(text), cached: 0, cacheWrite: 0 };
}

/** True when a gateway's usage cannot be taken as the call's: none at all, or zero tokens for an answer that has text. */
export function usageMissing(usage: { prompt_tokens?: number; completion_tokens?: number } | undefined, text: string): boolean {
  if (!usage) return true;
  return !usage.prompt_tokens && !usage.completion_tokens && text !== '';
}
