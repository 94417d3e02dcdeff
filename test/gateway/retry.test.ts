import { expect, test } from 'vitest';
import {
  backoffDelayMs,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  sleepUnlessAborted,
} from '../../src/gateway/retry.js';

test('retryable statuses: 408, 429 and 5xx only', () => {
  expect([400, 401, 402, 403, 404, 408, 422, 429, 500, 502, 503].filter(isRetryableStatus)).toEqual([408, 429, 500, 502, 503]);
});

test('backoff doubles from 500 ms up to the 8 s cap, with full jitter', () => {
  const top = (): number => 0.999999;
  expect([0, 1, 2, 3, 4, 5, 9].map((n) => backoffDelayMs(n, top))).toEqual([499, 999, 1999, 3999, 7999, 7999, 7999]);
  expect(backoffDelayMs(3, () => 0)).toBe(0);
  expect(backoffDelayMs(1, () => 0.5)).toBe(500);
});

test('Retry-After in seconds or as an HTTP date, capped at 60 s', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  expect(parseRetryAfter('2', now)).toBe(2000);
  expect(parseRetryAfter('0.5', now)).toBe(500);
  expect(parseRetryAfter('3600', now)).toBe(60_000);
  expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
  expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter(null, now)).toBeUndefined();
});

test('retryDelayMs prefers the gateway over backoff', () => {
  expect(retryDelayMs(1500, 4, () => 0.9)).toBe(1500);
  expect(retryDelayMs(undefined, 1, () => 0.5)).toBe(500);
});

test('sleepUnlessAborted returns as soon as the signal aborts', async () => {
  const controller = new AbortController();
  const never = (): Promise<void> => new Promise(() => {});
  const sleeping = sleepUnlessAborted(never, 1_000_000, controller.signal);
  controller.abort();
  await expect(sleeping).resolves.toBeUndefined();
  const slept: number[] = [];
  await sleepUnlessAborted(async (ms) => void slept.push(ms), 42, undefined);
  expect(slept).toEqual([42]);
});
