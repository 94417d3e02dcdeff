import type { Pricing } from '../config/types.js';
import type { CostSource } from './types.js';

/** Rounds away float noise (0.1 + 0.2 style) while keeping far more precision than a cent. */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}

/**
 * USD for a call at per-million-token prices. Prompt tokens read from the cache use `cachedInput` and
 * those written to it `cacheWrite`, when given; without a price of their own they cost plain input.
 */
export function costFromPricing(
  pricing: Pricing,
  promptTokens: number,
  completionTokens: number,
  cachedTokens = 0,
  cacheWriteTokens = 0,
): number {
  const cached = pricing.cachedInput === undefined ? 0 : Math.min(cachedTokens, promptTokens);
  const written = pricing.cacheWrite === undefined ? 0 : Math.min(cacheWriteTokens, promptTokens - cached);
  const micro =
    (promptTokens - cached - written) * pricing.input +
    cached * (pricing.cachedInput ?? 0) +
    written * (pricing.cacheWrite ?? 0) +
    completionTokens * pricing.output;
  return roundUsd(micro / 1e6);
}

/** A cost the gateway reported (number or numeric string), or undefined when it is missing or malformed. */
export function parseReportedCost(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** What is known about a finished call's price. */
export interface CostInputs {
  usageCost?: unknown;
  headerCost?: string | null;
  pricing?: Pricing;
  /** Token counts, or undefined when the gateway sent no usage. */
  tokens?: { prompt: number; completion: number; cached: number; cacheWrite?: number };
}

/** Cost in the contract's order: `usage.cost`, the LiteLLM cost header, the role's pricing, else unknown (null). */
export function resolveCost(inputs: CostInputs): { costUsd: number | null; costSource: CostSource } {
  const reported = parseReportedCost(inputs.usageCost) ?? parseReportedCost(inputs.headerCost);
  if (reported !== undefined) return { costUsd: roundUsd(reported), costSource: 'gateway' };
  if (inputs.pricing && inputs.tokens) {
    const { prompt, completion, cached, cacheWrite } = inputs.tokens;
    return { costUsd: costFromPricing(inputs.pricing, prompt, completion, cached, cacheWrite), costSource: 'pricing' };
  }
  return { costUsd: null, costSource: 'unknown' };
}
