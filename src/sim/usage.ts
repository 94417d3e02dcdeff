import type { CapturedBody, ScriptedReply } from './types.js';

/** Rough token count the way tandem estimates it: a quarter of the characters, rounded up. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function promptText(body: CapturedBody | null): string {
  return (body?.messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')))
    .join('');
}

/** The `usage` object of a reply, shaped like OpenRouter's (cost and cache counts only when scripted). */
export function buildUsage(reply: ScriptedReply, body: CapturedBody | null): Record<string, unknown> {
  const promptTokens = reply.promptTokens ?? estimateTokens(promptText(body));
  const completionTokens = reply.completionTokens ?? estimateTokens(reply.text ?? '');
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    ...cacheUsage(reply),
    ...(reply.cost !== undefined && { cost: reply.cost }),
  };
}

function cacheUsage(reply: ScriptedReply): Record<string, unknown> {
  const { cachedTokens: read, cacheWriteTokens: write } = reply;
  if (read === undefined && write === undefined) return {};
  if (reply.cacheUsageStyle === 'anthropic') {
    return { ...(read !== undefined && { cache_read_input_tokens: read }), ...(write !== undefined && { cache_creation_input_tokens: write }) };
  }
  return { prompt_tokens_details: { ...(read !== undefined && { cached_tokens: read }), ...(write !== undefined && { cache_write_tokens: write }) } };
}
