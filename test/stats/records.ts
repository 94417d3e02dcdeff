import type { ActivityRecord } from '../../src/activity/types.js';

/** An activity record with test defaults: a successful editor call at 10:00 UTC on 2025-03-01. */
export function call(fields: Partial<ActivityRecord> = {}): ActivityRecord {
  return {
    ts: '2025-03-01T10:00:00.000Z',
    runId: 'run-1',
    planId: 'plan-1',
    step: 0,
    role: 'editor',
    model: 'auto_tandem_router',
    provider: '_tandem_local_router',
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    latencyMs: 1000,
    ttftMs: null,
    costUsd: 0,
    costSource: 'pricing',
    status: 'ok',
    error: null,
    ...fields,
  };
}

/** A failed call as the gateway records it: no tokens, unknown cost. */
export function failed(fields: Partial<ActivityRecord> = {}): ActivityRecord {
  return call({ status: 'error', error: '429 from FastRouter: rate limited', costUsd: null, costSource: 'unknown', latencyMs: 5, ...fields });
}

const SONNET = { role: 'architect', model: 'anthropic/claude-sonnet-4', provider: 'anthropic', step: null } as const;

/** Two architect calls ($0.006 + $0.0105 at 3/15 per million), three local editor calls and one failed editor call. */
export const SESSION: ActivityRecord[] = [
  call({ ...SONNET, promptTokens: 1000, completionTokens: 200, latencyMs: 8200, costUsd: 0.006, costSource: 'gateway' }),
  call({ promptTokens: 500, completionTokens: 100, latencyMs: 1200 }),
  failed({ step: 1 }),
  call({ step: 1, promptTokens: 800, completionTokens: 150, latencyMs: 900 }),
  call({ step: 2, promptTokens: 600, completionTokens: 120, latencyMs: 3000 }),
  call({ ...SONNET, ts: '2025-03-02T09:00:00.000Z', runId: 'run-2', promptTokens: 2000, completionTokens: 300, latencyMs: 6100, costUsd: 0.0105 }),
];

/** The architect's prices in the tests: claude-sonnet-4's. */
export const SONNET_PRICING = { input: 3, output: 15 };
