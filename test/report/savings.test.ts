import { describe, expect, it } from 'vitest';
import type { CallSummary } from '../../src/architect/types.js';
import { computeSavings, exactCost, sumCosts } from '../../src/report/savings.js';

const architect: CallSummary = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 4200, completionTokens: 310, latencyMs: 8200, costUsd: 0.01725 };
const sonnet = { input: 3, output: 15 };

describe('computeSavings', () => {
  it('prices the editor tokens at the architect rates and compares with what was paid', () => {
    // Editor: 1,990 in and 380 out at $3/$15 per million = 0.00597 + 0.0057 = 0.01167.
    expect(computeSavings({ architect, editorTokens: { promptTokens: 1990, completionTokens: 380 }, actualUsd: 0.01725, architectPricing: sonnet })).toEqual({
      actualUsd: 0.01725,
      allCloudUsd: 0.02892,
      savedUsd: 0.01167,
      savedPct: 40.4,
    });
  });

  it('counts what the editor did cost when it was not free', () => {
    const savings = computeSavings({ architect: { ...architect, costUsd: 0.01 }, editorTokens: { promptTokens: 1_000_000, completionTokens: 0 }, actualUsd: 0.16, architectPricing: sonnet });
    expect(savings).toEqual({ actualUsd: 0.16, allCloudUsd: 3.01, savedUsd: 2.85, savedPct: 94.7 });
  });

  it('reports a negative saving when the run cost more than all-cloud', () => {
    expect(computeSavings({ architect: { ...architect, costUsd: 0.01 }, editorTokens: { promptTokens: 0, completionTokens: 0 }, actualUsd: 0.015, architectPricing: sonnet })).toEqual({
      actualUsd: 0.015,
      allCloudUsd: 0.01,
      savedUsd: -0.005,
      savedPct: -50,
    });
  });

  it('is unknown (null), never 0, when the architect cost is unknown', () => {
    expect(computeSavings({ architect: { ...architect, costUsd: null }, editorTokens: { promptTokens: 10, completionTokens: 10 }, actualUsd: null, architectPricing: sonnet })).toEqual({
      actualUsd: null,
      allCloudUsd: null,
      savedUsd: null,
      savedPct: null,
    });
  });

  it('cannot price editor tokens without the architect pricing, but needs none when there were none', () => {
    expect(computeSavings({ architect, editorTokens: { promptTokens: 10, completionTokens: 0 }, actualUsd: 0.01725 }).allCloudUsd).toBeNull();
    expect(computeSavings({ architect, editorTokens: { promptTokens: 0, completionTokens: 0 }, actualUsd: 0.01725 })).toEqual({
      actualUsd: 0.01725,
      allCloudUsd: 0.01725,
      savedUsd: 0,
      savedPct: 0,
    });
  });

  it('knows what all-cloud costs even when the actual cost is unknown, but not the saving', () => {
    expect(computeSavings({ architect, editorTokens: { promptTokens: 1000, completionTokens: 0 }, actualUsd: null, architectPricing: sonnet })).toEqual({
      actualUsd: null,
      allCloudUsd: 0.02025,
      savedUsd: null,
      savedPct: null,
    });
  });

  it('has no percentage of a zero all-cloud cost', () => {
    const free = { ...architect, costUsd: 0 };
    expect(computeSavings({ architect: free, editorTokens: { promptTokens: 5, completionTokens: 5 }, actualUsd: 0, architectPricing: { input: 0, output: 0 } })).toEqual({
      actualUsd: 0,
      allCloudUsd: 0,
      savedUsd: 0,
      savedPct: null,
    });
  });
});

describe('sumCosts', () => {
  it('adds known costs without float noise', () => {
    expect(sumCosts([0.1, 0.2, 0])).toEqual({ usd: 0.3, partial: false });
  });

  it('marks a sum with an unknown part as partial, so it is never shown as exact', () => {
    expect(sumCosts([0.012, null, 0])).toEqual({ usd: 0.012, partial: true });
    expect(exactCost(sumCosts([0.012, null]))).toBeNull();
    expect(exactCost(sumCosts([0.012, 0.001]))).toBe(0.013);
  });

  it('is null when nothing is known, and an exact 0 for nothing spent', () => {
    expect(sumCosts([null, null])).toBeNull();
    expect(exactCost(null)).toBeNull();
    expect(sumCosts([])).toEqual({ usd: 0, partial: false });
  });
});
