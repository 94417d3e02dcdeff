import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ResolvedRole } from '../config/types.js';
import type { ChatMessage } from './types.js';

/**
 * Whether the route takes explicit cache breakpoints: Anthropic's models cache only what a request marks
 * with `cache_control` (OpenRouter, LiteLLM and Portkey pass the mark on as content parts). OpenAI, DeepSeek
 * and Gemini cache long prefixes by themselves, and some of them refuse unknown fields, so nothing is marked
 * for them: the stable-prefix-first order is what lets them hit.
 */
export function marksCacheBreaks(role: Pick<ResolvedRole, 'model' | 'promptCache'>): boolean {
  return role.promptCache !== false && /claude|anthropic/i.test(role.model);
}

/**
 * The messages as sent: role and content only; where the route takes breakpoints, a message that ends the
 * stable prefix goes as one text part carrying `cache_control: {type: "ephemeral"}`.
 */
export function wireMessages(role: Pick<ResolvedRole, 'model' | 'promptCache'>, messages: readonly ChatMessage[]): ChatCompletionMessageParam[] {
  const mark = marksCacheBreaks(role);
  return messages.map(({ role: who, content, cacheBreak }) => {
    if (!(mark && cacheBreak)) return { role: who, content };
    const part = { type: 'text' as const, text: content, cache_control: { type: 'ephemeral' } };
    return { role: who, content: [part] } as ChatCompletionMessageParam;
  });
}
