import { setTimeout as delay } from 'node:timers/promises';
import OpenAI from 'openai';
import type { ResolvedRole } from '../config/types.js';
import { CallAbortedError, GatewayError } from './errors.js';
import { retryDelayMs, sleepUnlessAborted } from './retry.js';
import { runAttempt } from './stream-attempt.js';
import type { CallRecord, ModelClient } from './types.js';

/** Hooks for createModelClient: where attempt records go, and how to wait between retries. */
export interface ModelClientOptions {
  onCall?: (record: CallRecord) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Our own timers end calls; the SDK's request timeout only has to stay out of their way. */
const SDK_TIMEOUT_MARGIN_MS = 60_000;

/** A ModelClient for one role on the `openai` SDK: streamed calls, tandem's own retries, every attempt recorded. */
export function createModelClient(role: ResolvedRole, options: ModelClientOptions = {}): ModelClient {
  const client = new OpenAI({
    baseURL: role.baseURL,
    apiKey: role.apiKey ?? 'not-needed',
    defaultHeaders: role.headers,
    maxRetries: 0,
    timeout: Math.max(role.timeouts.totalMs, role.coldStartMs ?? 0) + SDK_TIMEOUT_MARGIN_MS,
    organization: null,
    project: null,
    logLevel: 'off',
  });
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
  // Until a local model has answered once it may still be loading: its calls get the cold-start timeouts.
  let answered = role.coldStartMs === undefined;

  return {
    role: role.role,
    model: role.model,
    async complete(request) {
      for (let retry = 0; ; retry++) {
        const outcome = await runAttempt(client, answered ? role : coldRole(role), request);
        if (outcome.ok) answered = true;
        options.onCall?.(outcome.record);
        if (outcome.ok) return outcome.result;
        const { error } = outcome;
        if (!(error instanceof GatewayError) || !error.retryable || retry >= role.maxRetries) throw error;
        await sleepUnlessAborted(sleep, retryDelayMs(error.retryAfterMs, retry), request.signal);
        if (request.signal?.aborted) throw new CallAbortedError(role);
      }
    },
  };
}

/** The role with every timeout raised to its cold-start time: a cold load delays the headers and the first token alike. */
export function coldRole(role: ResolvedRole): ResolvedRole {
  const cold = role.coldStartMs ?? 0;
  const { connectMs, firstTokenMs, totalMs } = role.timeouts;
  return { ...role, timeouts: { connectMs: Math.max(connectMs, cold), firstTokenMs: Math.max(firstTokenMs, cold), totalMs: Math.max(totalMs, cold) } };
}
