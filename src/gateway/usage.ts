/** Token counts of a finished call as tandem keeps them. */
export interface UsageTokens {
  prompt: number;
  completion: number;
  /** Prompt tokens read from the prompt cache. */
  cached: number;
  /** Prompt tokens written to the prompt cache. */
  cacheWrite: number;
}

const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/**
 * Reads a gateway's `usage` object. `prompt_tokens` counts every prompt token, cached ones included
 * (OpenAI's convention, which OpenRouter and LiteLLM follow). Cache reads come as OpenAI's
 * `prompt_tokens_details.cached_tokens` or Anthropic's `cache_read_input_tokens`; cache writes as
 * OpenRouter's `prompt_tokens_details.cache_write_tokens` or Anthropic's `cache_creation_input_tokens`.
 */
export function readUsage(usage: Record<string, unknown>): UsageTokens {
  const details = (usage.prompt_tokens_details ?? {}) as Record<string, unknown>;
  const prompt = count(usage.prompt_tokens) ?? 0;
  const cached = count(details.cached_tokens) ?? count(usage.cache_read_input_tokens) ?? 0;
  const cacheWrite = count(details.cache_write_tokens) ?? count(usage.cache_creation_input_tokens) ?? 0;
  return {
    prompt,
    completion: count(usage.completion_tokens) ?? 0,
    cached: Math.min(cached, prompt),
    cacheWrite: Math.min(cacheWrite, Math.max(prompt - cached, 0)),
  };
}
