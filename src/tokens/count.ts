import type { ChatMessage } from '../gateway/types.js';

type Encoding = typeof import('gpt-tokenizer/encoding/cl100k_base');

/** Role markers and separators around each message, and the priming of the reply (OpenAI's chat framing). */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;

/** Special-token text in a source file is counted as plain text, never rejected. */
const PLAIN = { disallowedSpecial: new Set<string>() };

let loading: Promise<Encoding> | undefined;

/** True once the tokenizer's import has started in this process (tests check that the architect's request did not wait for it). */
export function tokenizerLoaded(): boolean {
  return loading !== undefined;
}

/**
 * A synchronous counter, ready once the tokenizer is loaded. The tokenizer (cl100k_base, 100-200 ms
 * to load) is imported on first use only, so commands that never count exactly never pay for it: the
 * repository view is sized with the estimate (estimate.ts), and a budget counts only when a limit is set.
 * Counts are exact for OpenAI models and a close estimate for others (Qwen, Llama, Claude tokenizers
 * differ by a few percent).
 */
export async function loadTokenCounter(): Promise<(text: string) => number> {
  loading ??= import('gpt-tokenizer/encoding/cl100k_base');
  const encoding = await loading;
  return (text) => (text === '' ? 0 : encoding.countTokens(text, PLAIN));
}

/** The number of tokens in a text. */
export async function countTokens(text: string): Promise<number> {
  return (await loadTokenCounter())(text);
}

/** The number of prompt tokens a chat request sends: every message's content and role plus the chat framing. */
export async function countMessages(messages: readonly ChatMessage[]): Promise<number> {
  const count = await loadTokenCounter();
  let total = TOKENS_PER_REPLY;
  for (const message of messages) total += TOKENS_PER_MESSAGE + count(message.role) + count(message.content);
  return total;
}
