import type { ResolvedRole, RoleName, Timeouts } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { safeUrl } from '../privacy/url.js';
import { isRetryableStatus } from './retry.js';

/** A failed model call: one line naming the role, model and gateway, and what to do (exit 4). */
export class GatewayError extends TandemError {
  readonly status?: number;
  readonly role: RoleName;
  readonly model: string;
  readonly gateway: string;
  readonly retryable: boolean;
  /** How long the gateway asked us to wait (`Retry-After`), capped. */
  readonly retryAfterMs?: number;
  /** What to do about it, also the message's last sentence (for checklists such as `tandem doctor`). */
  readonly advice?: string;

  constructor(
    message: string,
    details: { role: ResolvedRole; status?: number; retryable: boolean; retryAfterMs?: number; advice?: string; cause?: unknown },
  ) {
    super(message, { exitCode: ExitCode.unreachable, cause: details.cause });
    this.name = 'GatewayError';
    this.status = details.status;
    this.role = details.role.role;
    this.model = details.role.model;
    this.gateway = details.role.gatewayName;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
    this.advice = details.advice;
  }
}

/** The caller aborted the call through `request.signal` (exit 130). */
export class CallAbortedError extends TandemError {
  constructor(role: ResolvedRole) {
    super(`${role.role} call aborted (model ${role.model})`, { exitCode: ExitCode.interrupted });
    this.name = 'CallAbortedError';
  }
}

function line(role: ResolvedRole, what: string, advice: string): string {
  return `${role.role} call to ${role.gatewayName} failed: ${what} (model ${role.model}). ${advice}`;
}

function isOllama(role: ResolvedRole): boolean {
  return role.gatewayName === 'Ollama' || /:11434(\/|$)/.test(role.baseURL);
}

function isPinned(role: ResolvedRole): boolean {
  const only = role.provider?.['only'];
  return Array.isArray(only) && only.length > 0;
}

const DEFAULT_DETAIL: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  402: 'out of credits',
  403: 'forbidden',
  404: 'model not found',
  408: 'upstream timed out',
  429: 'rate limited',
  502: 'bad gateway',
  503: 'service unavailable',
};

function adviceFor(role: ResolvedRole, status: number): string {
  const key = role.apiKeyEnv ?? 'TANDEM_API_KEY';
  if (status === 400) return `The gateway rejected the request; check ${role.role}.model and the request options.`;
  if (status === 401) return `Check the API key in ${key}.`;
  if (status === 402) return 'Add credits to the account or use a cheaper model.';
  if (status === 403) {
    return `The gateway refused the request (moderation or key permissions); check the account and the key in ${key}.`;
  }
  if (status === 404) {
    return isOllama(role)
      ? `Pull the model with \`ollama pull ${role.model}\`.`
      : `Check ${role.role}.model: the gateway does not know this model.`;
  }
  if (status === 429) return 'Rate limited: wait a moment, lower the concurrency, or raise the account limits.';
  if (status === 503 && isPinned(role)) {
    return (
      `No provider matches the routing: check the provider.only slug in ${role.role}.provider` +
      ' and that the host behind it is up.'
    );
  }
  if (status === 502 || status === 503) {
    return 'The upstream model or provider is down or overloaded; try again later or use another model.';
  }
  if (status >= 500) return 'The gateway had an internal error; try again later.';
  return 'Check the gateway configuration.';
}

/** The gateway answered with an HTTP error status. */
export function httpError(
  role: ResolvedRole,
  status: number,
  detail: string | undefined,
  retryAfterMs?: number,
  cause?: unknown,
): GatewayError {
  const what = `${status} ${detail || DEFAULT_DETAIL[status] || 'error'}`;
  const advice = adviceFor(role, status);
  return new GatewayError(line(role, what, advice), {
    role,
    status,
    retryable: isRetryableStatus(status),
    retryAfterMs,
    advice,
    cause,
  });
}

/** The gateway could not be reached at all (connection refused, DNS, reset before any answer). */
export function connectionError(role: ResolvedRole, code: string | undefined, cause?: unknown): GatewayError {
  const url = safeUrl(role.baseURL);
  const unreachable = `cannot reach ${role.gatewayName} at ${url}: is it running?`;
  const advice = code === 'ECONNREFUSED' ? `Start ${role.gatewayName} or fix the base URL.` : `Check that ${url} is reachable.`;
  const message =
    code === 'ECONNREFUSED'
      ? `${role.role} call failed: ${unreachable} (model ${role.model})`
      : line(role, `network error${code ? ` ${code}` : ''}`, advice);
  return new GatewayError(message, { role, retryable: true, advice, cause });
}

const TIMEOUT_WHAT: Record<keyof Timeouts, string> = {
  connectMs: 'no response',
  firstTokenMs: 'no first token',
  totalMs: 'call not finished',
};

/** One of the role's timeouts ran out; names the config key to raise. */
export function timeoutError(role: ResolvedRole, key: keyof Timeouts): GatewayError {
  const what = `timed out: ${TIMEOUT_WHAT[key]} within ${role.timeouts[key]} ms`;
  const why = role.local ? ' (a cold local model can take a minute to load)' : '';
  const advice = `Raise ${role.role}.timeouts.${key} if the model needs longer${why}.`;
  return new GatewayError(line(role, what, advice), { role, retryable: true, advice });
}

/** The stream stopped before the answer was finished (no finish_reason / [DONE]). */
export function streamEndedEarly(role: ResolvedRole, chunks: number, cause?: unknown): GatewayError {
  const what = `stream ended early after ${chunks} chunk${chunks === 1 ? '' : 's'}`;
  const advice = 'The gateway or upstream dropped the connection; try again.';
  return new GatewayError(line(role, what, advice), { role, retryable: true, advice, cause });
}

/** The gateway sent an `error` event inside an HTTP 200 stream, or data that is not JSON. */
export function streamError(role: ResolvedRole, detail: string, code?: unknown, cause?: unknown): GatewayError {
  const what = `error in stream: ${detail}`;
  const advice = 'The upstream provider failed mid-answer; try again or use another model.';
  const retryable = typeof code === 'number' ? isRetryableStatus(code) : true;
  return new GatewayError(line(role, what, advice), { role, retryable, advice, cause });
}
