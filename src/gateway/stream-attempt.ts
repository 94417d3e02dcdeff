import type OpenAI from 'openai';
import type { CompletionUsage } from 'openai/resources/completions';
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { ResolvedRole } from '../config/types.js';
import { CallTimers } from './call-timers.js';
import { classifyError, type AttemptProgress } from './classify-error.js';
import { resolveCost } from './cost.js';
import { CallAbortedError, GatewayError, streamEndedEarly, timeoutError } from './errors.js';
import { wireMessages } from './prompt-cache.js';
import { estimateUsage, usageMissing } from './estimate-usage.js';
import { errorRecord, okRecord } from './records.js';
import { isWholeAnswer, readWholeAnswer } from './whole-answer.js';
import { readUpstream } from './upstream.js';
import { readUsage, type UsageTokens } from './usage.js';
import type { CallRecord, ModelRequest, ModelResult } from './types.js';

type GatewayChunk = ChatCompletionChunk & { provider?: unknown };
type GatewayUsage = CompletionUsage & { cost?: unknown };

/** One attempt's outcome, with the record that goes to the activity log either way. */
export type AttemptOutcome =
  | { ok: true; result: ModelResult; record: CallRecord }
  | { ok: false; error: GatewayError | CallAbortedError; record: CallRecord };

/** The provider to report when the gateway does not name one: the pinned slug, else the gateway. */
export function fallbackProvider(role: ResolvedRole): string {
  const only = role.provider?.['only'];
  return Array.isArray(only) && typeof only[0] === 'string' ? only[0] : role.gatewayName;
}

/** The request body: always streamed with usage; `provider` passed through unchanged, and only when set. */
export function buildBody(
  role: ResolvedRole,
  request: ModelRequest,
): ChatCompletionCreateParamsStreaming & { provider?: Record<string, unknown> } {
  return {
    model: role.model,
    messages: wireMessages(role, request.messages),
    stream: true,
    stream_options: { include_usage: true },
    ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.json && { response_format: { type: 'json_object' as const } }),
    ...(role.provider && { provider: role.provider }),
  };
}

/** What was read from one stream. */
interface StreamState extends AttemptProgress {
  text: string;
  finished: boolean;
  ttftMs: number | null;
  provider?: string;
  usage?: GatewayUsage;
  chunkId?: string;
  /** An exception from the caller's onDelta: rethrown as is, never taken for a gateway failure. */
  callbackError?: { error: unknown };
}

async function readStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  state: StreamState,
  request: ModelRequest,
  elapsed: () => number,
  timers: CallTimers,
): Promise<void> {
  for await (const raw of stream) {
    const chunk = raw as GatewayChunk;
    if (typeof chunk.provider === 'string' && chunk.provider !== '') state.provider = chunk.provider;
    state.chunkId ??= chunk.id;
    if (chunk.usage) state.usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (choice?.finish_reason) state.finished = true;
    const delta = choice?.delta?.content;
    if (!delta) continue;
    if (state.ttftMs === null) {
      state.ttftMs = elapsed();
      timers.firstToken();
    }
    state.text += delta;
    state.chunks++;
    try {
      request.onDelta?.(delta, state.chunks);
    } catch (error) {
      state.callbackError = { error };
      return;
    }
  }
}

function finish(role: ResolvedRole, state: StreamState, headers: Headers, latencyMs: number, estimated?: UsageTokens): ModelResult {
  const usage = state.usage;
  const tokens = estimated ?? (usage && readUsage(usage as unknown as Record<string, unknown>));
  return {
    text: state.text,
    model: role.model,
    provider: state.provider ?? fallbackProvider(role),
    promptTokens: tokens?.prompt ?? 0,
    completionTokens: tokens?.completion ?? 0,
    cachedTokens: tokens?.cached ?? 0,
    cacheWriteTokens: tokens?.cacheWrite ?? 0,
    latencyMs,
    ttftMs: state.ttftMs,
    ...resolveCost({
      usageCost: usage?.cost,
      headerCost: headers.get('x-litellm-response-cost'),
      pricing: role.pricing,
      tokens,
    }),
    ...(estimated && { usageSource: 'estimated' as const }),
    generationId: headers.get('x-generation-id') ?? state.chunkId,
    ...(state.provider !== undefined && { reportedProvider: state.provider }),
    ...readUpstream(headers, role.headers, state.provider),
  };
}

/** Names a call that is not a plan or step call (a warm-up), so gateway logs and test fakes can tell it apart. */
export const CALL_KIND_HEADER = 'x-tandem-call-kind';

/** Runs one streamed call and measures it; throws only for caller bugs, never for gateway trouble. */
export async function runAttempt(client: OpenAI, role: ResolvedRole, request: ModelRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const timers = new CallTimers(role.timeouts, request.signal);
  const state: StreamState = { text: '', finished: false, ttftMs: null, headers: false, chunks: 0 };
  let responseHeaders: Headers | undefined;
  const failed = (error: GatewayError | CallAbortedError): AttemptOutcome => {
    // A failed call still names the pool member that failed it, so a broken host stands out in `stats --by upstream`.
    const { upstream } = readUpstream(responseHeaders, role.headers, state.provider);
    const measured = { provider: state.provider ?? fallbackProvider(role), latencyMs: elapsed(), ttftMs: state.ttftMs, ...(upstream && { upstream }) };
    return { ok: false, error, record: errorRecord(role, error, measured, request.meta) };
  };
  // The SDK ends a stream quietly when its signal aborts, so our own stop reason is checked first.
  const stopped = (): GatewayError | CallAbortedError | undefined => {
    const reason = timers.reason;
    if (!reason) return undefined;
    return reason.kind === 'aborted' ? new CallAbortedError(role) : timeoutError(role, reason.key);
  };

  try {
    const { data: stream, response } = await client.chat.completions
      .create(buildBody(role, request), { signal: timers.signal, ...(request.meta?.kind && { headers: { [CALL_KIND_HEADER]: request.meta.kind } }) })
      .withResponse();
    state.headers = true;
    responseHeaders = response.headers;
    timers.headersArrived();
    if (isWholeAnswer(response.headers)) {
      // Some proxies answer a streamed request in one JSON body: take it as one chunk.
      Object.assign(state, await readWholeAnswer(response), { ttftMs: elapsed(), chunks: 1 });
      timers.firstToken();
      try {
        if (state.text) request.onDelta?.(state.text, 1);
      } catch (error) {
        state.callbackError = { error };
      }
    } else {
      await readStream(stream, state, request, elapsed, timers);
    }
    if (state.callbackError) throw state.callbackError.error;
    const stop = stopped();
    if (stop) return failed(stop);
    if (!state.finished) return failed(streamEndedEarly(role, state.chunks));
    const latencyMs = elapsed();
    // No usage from the gateway: count locally, so budgets and reports never take the call for free.
    const estimated = usageMissing(state.usage, state.text) ? await estimateUsage(request.messages, state.text) : undefined;
    const result = finish(role, state, response.headers, latencyMs, estimated);
    return { ok: true, result, record: okRecord(role, result, request.meta) };
  } catch (err) {
    if (state.callbackError) throw err;
    responseHeaders ??= errorHeaders(err);
    const error = stopped() ?? classifyError(err, role, state);
    if (!error) throw err;
    return failed(error);
  } finally {
    timers.dispose();
  }
}

function errorHeaders(err: unknown): Headers | undefined {
  const headers = (err as { headers?: unknown } | null)?.headers;
  return headers instanceof Headers ? headers : undefined;
}
