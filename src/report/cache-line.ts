import { formatInt } from './format.js';

/** Prompt tokens and the prompt-cache counts within them. */
export interface CacheUse {
  promptTokens: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
}

/**
 * One line on the prompt cache under a table: how many prompt tokens were read from it (the hits, billed at
 * the cached price) and written to it; '' when the gateway reported neither, so runs without caching print nothing.
 */
export function promptCacheLine(use: CacheUse, label = 'prompt tokens'): string {
  const read = use.cachedTokens ?? 0;
  const written = use.cacheWriteTokens ?? 0;
  if (read === 0 && written === 0) return '';
  const pct = use.promptTokens > 0 ? ` (${Math.round((read / use.promptTokens) * 100)}%)` : '';
  const hits = `${formatInt(read)} of ${formatInt(use.promptTokens)} ${label} read from the cache${pct}`;
  return `prompt cache: ${hits}${written > 0 ? `, ${formatInt(written)} written to it` : ''}`;
}
