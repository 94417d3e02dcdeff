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
    timeout: role.timeouts.totalMs + SDK_TIMEOUT_MARGIN_MS,
    organization: null,
    project: null,
    logLevel: 'off',
  });
  const sleep = options.sleep ?? ((ms: number) => delay(ms).then(() => undefined));

  return {
    role: role.role,
    model: role.model,
    async complete(request) {
      for (let retry = 0; ; retry++) {
        const outcome = await runAttempt(client, role, request);
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
