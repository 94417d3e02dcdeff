import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { ResolvedRole } from '../config/types.js';
import { connectionError, GatewayError, httpError, streamEndedEarly, streamError, timeoutError } from './errors.js';
import { parseRetryAfter } from './retry.js';

const MAX_DETAIL = 200;

/** The gateway's words from an error body (`{"error": {"message"}}`, or Ollama's `{"error": "..."}`), one short line. */
export function errorDetail(error: unknown): string | undefined {
  const raw =
    typeof error === 'string'
      ? error
      : error && typeof error === 'object' && 'message' in error
        ? String((error as { message: unknown }).message)
        : undefined;
  const first = raw?.split('\n')[0].trim();
  if (!first) return undefined;
  return first.length > MAX_DETAIL ? `${first.slice(0, MAX_DETAIL - 1)}…` : first;
}

/** The system error code (ECONNREFUSED, UND_ERR_SOCKET...) somewhere down a `cause` chain. */
export function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Where the attempt had got to when it failed. */
export interface AttemptProgress {
  headers: boolean;
  chunks: number;
}

/**
 * Turns whatever the SDK or fetch threw into a GatewayError, or undefined when the error
 * is not about the gateway at all (a bug to rethrow as is).
 */
export function classifyError(err: unknown, role: ResolvedRole, progress: AttemptProgress): GatewayError | undefined {
  if (err instanceof GatewayError) return err;
  if (err instanceof APIConnectionTimeoutError) return timeoutError(role, 'connectMs');
  if (err instanceof APIConnectionError) return connectionError(role, networkCode(err), err);
  if (err instanceof APIError) {
    if (err.status === undefined) {
      const code: unknown = (err.error as { code?: unknown } | undefined)?.code;
      return streamError(role, errorDetail(err.error) ?? err.message, code, err);
    }
    return httpError(role, err.status, errorDetail(err.error), parseRetryAfter(err.headers?.get('retry-after')), err);
  }
  if (err instanceof SyntaxError) return streamError(role, `malformed data (${err.message})`, undefined, err);
  if (err instanceof TypeError || networkCode(err) !== undefined) {
    if (progress.headers) return streamEndedEarly(role, progress.chunks, err);
    return connectionError(role, networkCode(err), err);
  }
  return undefined;
}
