import type { ResolvedRole } from '../config/types.js';
import type { CallAbortedError } from './errors.js';
import { GatewayError } from './errors.js';
import type { CallRecord, ModelRequest, ModelResult } from './types.js';

/** The activity-log record of a successful attempt. */
export function okRecord(role: ResolvedRole, result: ModelResult, meta: ModelRequest['meta']): CallRecord {
  return {
    role: role.role,
    model: result.model,
    provider: result.provider,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    cachedTokens: result.cachedTokens,
    cacheWriteTokens: result.cacheWriteTokens ?? 0,
    latencyMs: result.latencyMs,
    ttftMs: result.ttftMs,
    costUsd: result.costUsd,
    costSource: result.costSource,
    ...(result.upstream !== undefined && { upstream: result.upstream }),
    ...(result.gatewayCache !== undefined && { gatewayCache: result.gatewayCache }),
    ...(result.usageSource && { usageSource: result.usageSource }),
    status: 'ok',
    ...(meta && { meta }),
  };
}

/** The activity-log record of a failed attempt: no tokens, no cost, the error line and HTTP status. */
export function errorRecord(
  role: ResolvedRole,
  error: GatewayError | CallAbortedError,
  measured: { provider: string; latencyMs: number; ttftMs: number | null; upstream?: string },
  meta: ModelRequest['meta'],
): CallRecord {
  return {
    role: role.role,
    model: role.model,
    ...measured,
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    cacheWriteTokens: 0,
    costUsd: null,
    costSource: 'unknown',
    status: 'error',
    error: error.message,
    ...(error instanceof GatewayError && error.status !== undefined && { httpStatus: error.status }),
    ...(meta && { meta }),
  };
}
