import type { ResolvedRole } from '../config/types.js';
import { probeJson } from './probe.js';
import type { CheckResult } from './types.js';

/** Ollama's default context when neither the model nor the server sets one. */
const OLLAMA_DEFAULT_CONTEXT = 4096;

/** The host's root for Ollama's native API: the base URL without its `/v1`. */
export function nativeRoot(baseURL: string): string {
  return baseURL.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** `num_ctx` from /api/show's parameters, and the trained length from its model_info. */
export function contextOf(show: unknown): { numCtx?: number; trained?: number } {
  const body = (show ?? {}) as { parameters?: unknown; model_info?: Record<string, unknown> };
  const param = typeof body.parameters === 'string' ? /(?:^|\n)num_ctx\s+(\d+)/.exec(body.parameters) : null;
  const trained = Object.entries(body.model_info ?? {}).find(([k, v]) => k.endsWith('.context_length') && typeof v === 'number')?.[1] as number | undefined;
  return { ...(param && { numCtx: Number(param[1]) }), ...(trained !== undefined && { trained }) };
}

/** Compares what Ollama will really give the model with editor.contextWindow. */
export function contextVerdict(role: ResolvedRole, found: { numCtx?: number; trained?: number }): CheckResult {
  const title = 'editor context window';
  const want = role.contextWindow;
  const { numCtx, trained } = found;
  const real = numCtx ?? OLLAMA_DEFAULT_CONTEXT;
  if (want === undefined) {
    return { id: 'ollama-context', title, status: 'warn', detail: `editor.contextWindow is not set, so tandem cannot cut big files to fit`, fix: `set editor.contextWindow to ${real}` };
  }
  if (trained !== undefined && want > trained) {
    return { id: 'ollama-context', title, status: 'fail', detail: `${role.model} was trained for ${trained} tokens, less than editor.contextWindow ${want}`, fix: `set editor.contextWindow to ${trained}` };
  }
  if (numCtx !== undefined && numCtx < want) {
    return {
      id: 'ollama-context',
      title,
      status: 'fail',
      detail: `Ollama runs ${role.model} with num_ctx ${numCtx}, less than editor.contextWindow ${want}: longer prompts are cut silently`,
      fix: `set editor.contextWindow to ${numCtx}, or give the model PARAMETER num_ctx ${want} in a Modelfile (ollama create)`,
    };
  }
  if (numCtx !== undefined) return { id: 'ollama-context', title, status: 'pass', detail: `num_ctx ${numCtx} covers editor.contextWindow ${want}` };
  if (want <= OLLAMA_DEFAULT_CONTEXT) return { id: 'ollama-context', title, status: 'pass', detail: `editor.contextWindow ${want} fits Ollama's default ${OLLAMA_DEFAULT_CONTEXT}` };
  return {
    id: 'ollama-context',
    title,
    status: 'warn',
    detail: `${role.model} sets no num_ctx, so Ollama uses the server's OLLAMA_CONTEXT_LENGTH (${OLLAMA_DEFAULT_CONTEXT} unless set), maybe less than editor.contextWindow ${want}`,
    fix: `start Ollama with OLLAMA_CONTEXT_LENGTH=${want}, or set editor.contextWindow to ${OLLAMA_DEFAULT_CONTEXT}`,
  };
}

/** True when the host behind a base URL speaks Ollama's native API (it answers /api/version). */
export async function isOllamaHost(baseURL: string, timeoutMs: number): Promise<boolean> {
  const version = await probeJson(`${nativeRoot(baseURL)}/api/version`, { timeoutMs });
  return version.ok && version.status === 200 && typeof (version.body as { version?: unknown } | null)?.version === 'string';
}

/** The editor's context length from Ollama's /api/show, compared with editor.contextWindow. */
export async function ollamaContextCheck(role: ResolvedRole, timeoutMs: number): Promise<CheckResult> {
  const show = await probeJson(`${nativeRoot(role.baseURL)}/api/show`, { method: 'POST', body: { model: role.model }, timeoutMs });
  if (show.ok && show.status === 200) return contextVerdict(role, contextOf(show.body));
  const detail = show.ok ? `/api/show answered HTTP ${show.status} for ${role.model}` : `/api/show failed: ${show.error}`;
  const missing = show.ok && show.status === 404;
  return { id: 'ollama-context', title: 'editor context window', status: missing ? 'fail' : 'warn', detail, fix: missing ? `ollama pull ${role.model}` : undefined };
}
