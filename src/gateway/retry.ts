/** First backoff window; doubles every retry. */
export const RETRY_BASE_MS = 500;
/** Largest backoff window. */
export const RETRY_CAP_MS = 8_000;
/** A gateway asking for a longer wait than this is not worth blocking a run on. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** HTTP statuses worth another try: timeouts, rate limits and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Exponential backoff with full jitter for the `retry`-th retry (0-based). */
export function backoffDelayMs(retry: number, random: () => number = Math.random): number {
  const window = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** retry);
  return Math.floor(random() * window);
}

/** A `Retry-After` header (seconds or HTTP date) in ms, capped; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}

/** The wait before the `retry`-th retry: the gateway's `Retry-After` when it sent one, else jittered backoff. */
export function retryDelayMs(retryAfterMs: number | undefined, retry: number, random?: () => number): number {
  return retryAfterMs ?? backoffDelayMs(retry, random);
}

/** Sleeps with the injected sleep, but gives up as soon as `signal` aborts. */
export async function sleepUnlessAborted(
  sleep: (ms: number) => Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return;
  let onAbort = (): void => {};
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([sleep(ms), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
