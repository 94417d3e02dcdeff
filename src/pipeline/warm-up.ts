import { performance } from 'node:perf_hooks';
import { keyMissing } from '../config/keys.js';
import type { ResolvedRole } from '../config/types.js';
import { isOllamaHost, nativeRoot } from '../doctor/ollama-check.js';
import { probeJson, roleHeaders } from '../doctor/probe.js';
import { CALL_KIND_HEADER } from '../gateway/stream-attempt.js';
import type { CallRecord } from '../gateway/types.js';
import type { RunContext } from './context.js';
import type { Emit } from './events.js';

/** How long Ollama keeps the model loaded after the warm-up (its default of 5 minutes can lapse while a plan is reviewed). */
export const KEEP_ALIVE = '30m';
const PROBE_MS = 2_000;

/** A warm-up in flight; `stop` ends it when the run ends first. */
export interface WarmUp {
  done: Promise<void>;
  stop(): void;
}

/**
 * Starts loading a local editor's model as the run begins, so the load overlaps the architect's
 * thinking instead of delaying the first step: Ollama's native load with keep_alive when the editor is
 * an Ollama host, else a one-token request through the editor's own client (provider pin included).
 * Recorded in the activity log as role editor, kind `warm-up`; never in a step row, never fails the run.
 */
export function startWarmUp(ctx: RunContext, emit: Emit): WarmUp {
  const editor = ctx.config.editor;
  const controller = new AbortController();
  if (!editor.local || !editor.warmUp || keyMissing(editor)) return { done: Promise.resolve(), stop: () => undefined };
  const onAbort = () => controller.abort();
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  const done = warmUp(ctx, controller.signal)
    .then((ms) => emit({ type: 'notice', level: 'info', message: `editor ${editor.model} warmed up in ${(ms / 1000).toFixed(1)}s` }))
    .catch(() => undefined)
    .finally(() => ctx.signal?.removeEventListener('abort', onAbort));
  return { done, stop: () => controller.abort() };
}

/** Loads the model; resolves to the time it took, throws when the load failed. */
async function warmUp(ctx: RunContext, signal: AbortSignal): Promise<number> {
  const editor = ctx.config.editor;
  const meta = { runId: ctx.runId, step: null, kind: 'warm-up' as const };
  // An editor pinned to a provider is reached through a gateway; only an unpinned one may be an Ollama host itself.
  const pinned = Array.isArray(editor.provider?.['only']);
  if (!pinned && (await isOllamaHost(editor.baseURL, PROBE_MS))) return ollamaLoad(ctx, editor, meta, signal);
  const result = await ctx.client('editor').complete({ messages: [{ role: 'user', content: 'Reply with the word OK.' }], maxTokens: 1, temperature: 0, signal, meta });
  return result.latencyMs;
}

/** Ollama's native load: a generate request without a prompt loads the model and keeps it for `keep_alive`. */
async function ollamaLoad(ctx: RunContext, editor: ResolvedRole, meta: CallRecord['meta'], signal: AbortSignal): Promise<number> {
  const started = performance.now();
  const timeoutMs = editor.coldStartMs ?? editor.timeouts.totalMs;
  const answer = await probeJson(`${nativeRoot(editor.baseURL)}/api/generate`, { method: 'POST', headers: { ...roleHeaders(editor), [CALL_KIND_HEADER]: 'warm-up' }, body: { model: editor.model, keep_alive: KEEP_ALIVE }, timeoutMs, signal });
  const latencyMs = Math.round(performance.now() - started);
  const error = !answer.ok ? answer.error : answer.status !== 200 ? `Ollama answered HTTP ${answer.status} to the model load` : undefined;
  ctx.recorder.onCall({
    role: 'editor',
    model: editor.model,
    provider: editor.gatewayName,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    latencyMs,
    ttftMs: null,
    costUsd: 0,
    costSource: 'pricing',
    status: error ? 'error' : 'ok',
    ...(error && { error }),
    meta,
  });
  if (error) throw new Error(error);
  return latencyMs;
}
