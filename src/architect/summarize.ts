import type { ModelResult } from '../gateway/types.js';
import type { CallSummary } from './types.js';

/** Adds up a cost; unknown anywhere makes the sum unknown, since a partial sum shown as exact would lie. */
export function addCost(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : roundUsd(a + b);
}

/** Rounds away float noise (1e-10 USD). */
export function roundUsd(value: number): number {
  return Math.round(value * 1e10) / 1e10;
}

/** Sums several calls of one role into the report's CallSummary (model and provider of the last call). */
export function summarizeCalls(
  calls: Array<Pick<ModelResult, 'model' | 'provider' | 'promptTokens' | 'completionTokens' | 'latencyMs' | 'costUsd' | 'usageSource'> & Partial<Pick<ModelResult, 'cachedTokens' | 'cacheWriteTokens'>>>,
): CallSummary {
  const last = calls.at(-1);
  return {
    ...cacheCounts(calls),
    model: last?.model ?? '',
    provider: last?.provider ?? '',
    promptTokens: calls.reduce((sum, c) => sum + c.promptTokens, 0),
    completionTokens: calls.reduce((sum, c) => sum + c.completionTokens, 0),
    latencyMs: calls.reduce((sum, c) => sum + c.latencyMs, 0),
    costUsd: calls.reduce<number | null>((sum, c) => addCost(sum, c.costUsd), 0),
    ...(calls.some((c) => c.usageSource === 'estimated') && { usageSource: 'estimated' as const }),
  };
}

/** The prompt-cache counts of some calls or summaries, summed; only the non-zero ones, so reports without caching stay as they were. */
export function cacheCounts(parts: ReadonlyArray<{ cachedTokens?: number; cacheWriteTokens?: number }>): { cachedTokens?: number; cacheWriteTokens?: number } {
  const cached = parts.reduce((sum, p) => sum + (p.cachedTokens ?? 0), 0);
  const written = parts.reduce((sum, p) => sum + (p.cacheWriteTokens ?? 0), 0);
  return { ...(cached > 0 && { cachedTokens: cached }), ...(written > 0 && { cacheWriteTokens: written }) };
}
