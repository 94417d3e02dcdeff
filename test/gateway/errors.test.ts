import { APIConnectionError, APIError, InternalServerError, NotFoundError } from 'openai';
import { describe, expect, test } from 'vitest';
import { classifyError, errorDetail, networkCode } from '../../src/gateway/classify-error.js';
import { GatewayError, httpError, streamError, timeoutError } from '../../src/gateway/errors.js';
import { makeRole } from './make-role.js';

const role = makeRole('https://go.fastrouter.ai/api/v1', { model: 'auto_tandem_router' });
const ollama = makeRole('http://localhost:11434/v1', { gatewayName: 'Ollama', model: 'qwen2.5-coder:7b', role: 'architect' });

describe('httpError messages', () => {
  test('402 names role, gateway, model and what to do', () => {
    const err = httpError(role, 402, 'out of credits');
    expect(err.message).toBe(
      'editor call to FastRouter failed: 402 out of credits (model auto_tandem_router). Add credits to the account or use a cheaper model.',
    );
    expect(err).toMatchObject({ status: 402, role: 'editor', model: 'auto_tandem_router', gateway: 'FastRouter', retryable: false, exitCode: 4 });
    expect(err.advice).toBe('Add credits to the account or use a cheaper model.');
    expect(err).toBeInstanceOf(GatewayError);
  });

  test('401 points at the key variable', () => {
    expect(httpError(role, 401, undefined).message).toBe(
      'editor call to FastRouter failed: 401 unauthorized (model auto_tandem_router). Check the API key in FAKE_API_KEY.',
    );
    expect(httpError({ ...role, apiKeyEnv: undefined }, 401, undefined).message).toContain('Check the API key in TANDEM_API_KEY.');
  });

  test('404 on Ollama says to pull the model', () => {
    expect(httpError(ollama, 404, "model 'qwen2.5-coder:7b' not found").message).toBe(
      "architect call to Ollama failed: 404 model 'qwen2.5-coder:7b' not found (model qwen2.5-coder:7b). Pull the model with `ollama pull qwen2.5-coder:7b`.",
    );
  });

  test('429 and 5xx are retryable, with their own advice', () => {
    expect(httpError(role, 429, undefined, 2000)).toMatchObject({ retryable: true, retryAfterMs: 2000 });
    expect(httpError(role, 502, undefined).message).toContain('502 bad gateway');
    expect(httpError(role, 502, undefined).message).toContain('The upstream model or provider is down');
    expect(httpError(role, 503, undefined).message).toContain('The upstream model or provider is down');
    expect(httpError(role, 500, 'boom').message).toContain('internal error');
    expect(httpError(role, 500, 'boom').retryable).toBe(true);
  });
});

test('timeoutError names the config key to raise', () => {
  expect(timeoutError(ollama, 'connectMs').message).toBe(
    'architect call to Ollama failed: timed out: no response within 5000 ms (model qwen2.5-coder:7b). Raise architect.timeouts.connectMs if the model needs longer.',
  );
});

test('streamError is retryable unless its code is a status not worth retrying', () => {
  expect(streamError(role, 'x', 502).retryable).toBe(true);
  expect(streamError(role, 'x', 'server_error').retryable).toBe(true);
  expect(streamError(role, 'x', 400).retryable).toBe(false);
});

describe('classifyError', () => {
  const progress = { headers: false, chunks: 0 };

  test('HTTP errors keep the gateway words and Retry-After', () => {
    const sdk = new InternalServerError(503, { message: 'queue full' }, undefined, new Headers({ 'retry-after': '7' }));
    const err = classifyError(sdk, role, progress);
    expect(err).toMatchObject({ status: 503, retryAfterMs: 7000, retryable: true });
    expect(err?.message).toContain('503 queue full');
    const ollama404 = classifyError(new NotFoundError(404, "model 'x' not found", undefined, new Headers()), ollama, progress);
    expect(ollama404?.message).toContain("404 model 'x' not found");
  });

  test('an error without status is an error inside the stream', () => {
    const err = classifyError(new APIError(undefined, { message: 'mid-stream', code: 502 }, undefined, undefined), role, progress);
    expect(err?.message).toContain('error in stream: mid-stream');
  });

  test('connection errors: refused means not running', () => {
    const refused = new APIConnectionError({ cause: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) });
    expect(classifyError(refused, ollama, progress)?.message).toBe(
      'architect call failed: cannot reach Ollama at http://localhost:11434/v1: is it running? (model qwen2.5-coder:7b)',
    );
  });

  test('a network error after headers is a stream that ended early', () => {
    const cut = Object.assign(new TypeError('terminated'), { cause: { code: 'UND_ERR_SOCKET' } });
    expect(classifyError(cut, role, { headers: true, chunks: 3 })?.message).toContain('stream ended early after 3 chunks');
  });

  test('anything else is not a gateway error', () => {
    expect(classifyError(new RangeError('bug'), role, progress)).toBeUndefined();
  });

  test('errorDetail and networkCode', () => {
    expect(errorDetail({ message: 'first\nsecond' })).toBe('first');
    expect(errorDetail('x'.repeat(300))).toHaveLength(200);
    expect(errorDetail({})).toBeUndefined();
    expect(networkCode({ cause: { cause: { code: 'ECONNRESET' } } })).toBe('ECONNRESET');
    expect(networkCode({ code: 502 })).toBeUndefined();
  });
});
