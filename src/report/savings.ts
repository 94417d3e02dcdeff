import type { CallSummary } from '../architect/types.js';
import type { Pricing } from '../config/types.js';
import { costFromPricing } from '../gateway/cost.js';
import type { Savings } from './types.js';

/** Float noise (0.1 + 0.2) is rounded away at 1e-10 USD, far below anything shown. */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}

/**
 * The saving against running every step on the architect's model (DESIGN.md report contract):
 * allCloudUsd = the architect's actual cost + all editor and fallback tokens at the architect's rates,
 * savedUsd = allCloudUsd - actualUsd, savedPct of allCloudUsd to one decimal. A value that needs an
 * unknown number is null, never a made-up 0; savedPct is also null when allCloudUsd is 0.
 */
export function computeSavings(input: {
  architect: CallSummary;
  editorTokens: { promptTokens: number; completionTokens: number };
  actualUsd: number | null;
  architectPricing?: Pricing;
}): Savings {
  const { architect, editorTokens, actualUsd, architectPricing } = input;
  // No editor tokens cost nothing at any rate, so a missing price does not matter then.
  const editorAtArchitectRates =
    editorTokens.promptTokens + editorTokens.completionTokens === 0
      ? 0
      : architectPricing
        ? costFromPricing(architectPricing, editorTokens.promptTokens, editorTokens.completionTokens)
        : null;
  const allCloudUsd = architect.costUsd === null || editorAtArchitectRates === null ? null : roundUsd(architect.costUsd + editorAtArchitectRates);
  const savedUsd = allCloudUsd === null || actualUsd === null ? null : roundUsd(allCloudUsd - actualUsd);
  const savedPct = savedUsd === null || !allCloudUsd ? null : Math.round((savedUsd / allCloudUsd) * 1000) / 10;
  return { actualUsd, allCloudUsd, savedUsd, savedPct };
}

/** A sum of costs, some of which may be unknown. */
export interface CostSum {
  /** The sum of the known costs. */
  usd: number;
  /** True when some cost was unknown: `usd` is then only a lower bound and must not be shown as the total. */
  partial: boolean;
}

/**
 * Adds up costs where some may be unknown (null). Returns null when every one is unknown (nothing is
 * known), `{ usd: 0, partial: false }` for no costs at all (nothing was spent), else the known sum with
 * `partial` set when any was unknown. Show a partial sum as a lower bound (`≥$0.0120`); where one exact
 * number is required (the JSON report's totals), use `exactCost`, which turns it into null.
 */
export function sumCosts(values: Array<number | null>): CostSum | null {
  const known = values.filter((value): value is number => value !== null);
  if (values.length > 0 && known.length === 0) return null;
  return { usd: roundUsd(known.reduce((sum, value) => sum + value, 0)), partial: known.length < values.length };
}

/** The exact total of a CostSum, or null when any part of it is unknown. */
export function exactCost(sum: CostSum | null): number | null {
  return sum === null || sum.partial ? null : sum.usd;
}
