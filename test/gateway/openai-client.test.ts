import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { GatewayError } from '../../src/gateway/errors.js';
import { createModelClient } from '../../src/gateway/openai-client.js';
import type { CallRecord, ModelRequest } from '../../src/gateway/types.js';
import type { ResolvedRole } from '../../src/config/types.js';
import { startFakeGateway, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { makeRole } from './make-role.js';

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const ask: ModelRequest = { messages: [{ role: 'user', content: 'Rename foo to bar.' }] };

/** A fake gateway answering `replies` in order, and a client for it that records calls and sleeps. */
async function setup(replies: ScriptedReply[], overrides: Partial<ResolvedRole> = {}) {
  gateway = await startFakeGateway({ routes: [{ replies }] });
  const records: CallRecord[] = [];
  const sleeps: number[] = [];
  const role = makeRole(gateway.url, overrides);
  const client = createModelClient(role, {
    onCall: (r) => records.push(r),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { gw: gateway, client, records, sleeps, role };
}

async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GatewayError);
  return err as GatewayError;
}

describe('a successful call', () => {
  test('streams text, reports usage and every delta, and sends what the role says', async () => {
    const reply = { text: 'const bar = 1;\n', chunks: 3, promptTokens: 120, completionTokens: 30, cachedTokens: 20 };
    const { gw, client, records } = await setup([reply], {
      provider: { only: ['_tandem_local_router'], allow_fallbacks: false },
      headers: { 'HTTP-Referer': 'https://tandem.dev', 'X-Title': 'tandem' },
    });
    const deltas: Array<[string, number]> = [];
    const result = await client.complete({
      ...ask,
      maxTokens: 200,
      temperature: 0,
      json: true,
      onDelta: (t, n) => deltas.push([t, n]),
      meta: { planId: 'p1', step: 2 },
    });
    expect(result.text).toBe('const bar = 1;\n');
    expect(deltas).toEqual([['const', 1], [' bar ', 2], ['= 1;\n', 3]]);
    const measured = {
      model: 'qwen2.5-coder:7b',
      provider: '_tandem_local_router',
      promptTokens: 120,
      completionTokens: 30,
      cachedTokens: 20,
      cacheWriteTokens: 0,
      costUsd: null,
      costSource: 'unknown',
    };
    expect(result).toMatchObject({ ...measured, generationId: 'gen-fake-1' });

    const [req] = gw.requests;
    expect(req.body).toEqual({
      model: 'qwen2.5-coder:7b',
      messages: ask.messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 200,
      temperature: 0,
      response_format: { type: 'json_object' },
      provider: { only: ['_tandem_local_router'], allow_fallbacks: false },
    });
    expect(req.headers['http-referer']).toBe('https://tandem.dev');
    expect(req.headers['x-title']).toBe('tandem');
    expect(req.headers['authorization']).toBe('Bearer sk-test');
    expect(records).toEqual([
      {
        role: 'editor',
        ...measured,
        latencyMs: result.latencyMs,
        ttftMs: result.ttftMs,
        status: 'ok',
        meta: { planId: 'p1', step: 2 },
      },
    ]);
  });

  test('sends no provider field when the role sets none, and names the gateway as provider', async () => {
    const { gw, client } = await setup([{ text: 'ok' }], { apiKey: undefined });
    const result = await client.complete(ask);
    expect(gw.requests[0].body).not.toHaveProperty('provider');
    expect(gw.requests[0].body).not.toHaveProperty('response_format');
    expect(gw.requests[0].headers['authorization']).toBe('Bearer not-needed');
    expect(result.provider).toBe('FastRouter');
    expect(result.reportedProvider).toBeUndefined();
  });

  test('the provider the gateway names wins, and is kept apart as reportedProvider', async () => {
    const { client } = await setup([{ text: 'ok', provider: 'Anthropic' }, { text: 'ok' }], { provider: { only: ['x'] } });
    const named = await client.complete(ask);
    expect([named.provider, named.reportedProvider]).toEqual(['Anthropic', 'Anthropic']);
    const unnamed = await client.complete(ask);
    expect([unnamed.provider, unnamed.reportedProvider]).toEqual(['x', undefined]);
  });

  test('ttft is measured to the first delta and is below the latency', async () => {
    const { client } = await setup([{ text: 'abcdefgh', chunks: 4, delayMs: 20, chunkDelayMs: 30 }]);
    const result = await client.complete(ask);
    expect(result.ttftMs).toBeGreaterThanOrEqual(15);
    // The last chunks come at least 90 ms after the first is written; a busy machine may read them together,
    // so only the order is certain, not the gap.
    expect(result.latencyMs).toBeGreaterThan(result.ttftMs!);
  });

  test('SSE comment lines are skipped', async () => {
    const { client } = await setup([{ text: 'one two three', chunks: 3, comments: true }]);
    expect((await client.complete(ask)).text).toBe('one two three');
  });

  test('no usage at all: counted locally (prompt as sent, completion from the streamed text), priced and marked estimated', async () => {
    const { client } = await setup([{ text: 'ok', omitUsage: true }], { pricing: { input: 3, output: 15 } });
    // 3 reply priming + 3 framing + "user" (1) + "Rename foo to bar." (5) = 12 prompt tokens; "ok" is 1.
    expect(await client.complete(ask)).toMatchObject({ promptTokens: 12, completionTokens: 1, costUsd: 0.000051, costSource: 'pricing', usageSource: 'estimated' });
  });

  test('an answer in one JSON body to a streamed request is taken whole; without usage it is counted locally', async () => {
    const deltas: string[] = [];
    const { client } = await setup(
      [
        { text: 'whole answer', ignoreStream: true, omitUsage: true },
        { text: 'ok', ignoreStream: true, promptTokens: 40, completionTokens: 2, provider: 'anthropic' },
      ],
      { pricing: { input: 3, output: 15 } },
    );
    expect(await client.complete({ ...ask, onDelta: (text) => deltas.push(text) })).toMatchObject({ text: 'whole answer', promptTokens: 12, completionTokens: 2, costUsd: 0.000066, usageSource: 'estimated' });
    expect(deltas).toEqual(['whole answer']);
    const reported = await client.complete(ask);
    expect(reported).toMatchObject({ text: 'ok', promptTokens: 40, completionTokens: 2, provider: 'anthropic' });
    expect(reported.usageSource).toBeUndefined();
  });

  test('usage with zero tokens for an answer with text counts as no usage; usage from the gateway is not marked', async () => {
    const { client } = await setup(
      [
        { text: 'a longer answer', chunks: 3, promptTokens: 0, completionTokens: 0 },
        { text: 'ok', promptTokens: 40, completionTokens: 2 },
      ],
      { pricing: { input: 3, output: 15 } },
    );
    expect(await client.complete(ask)).toMatchObject({ promptTokens: 12, completionTokens: 3, usageSource: 'estimated' });
    const reported = await client.complete(ask);
    expect(reported).toMatchObject({ promptTokens: 40, completionTokens: 2, costSource: 'pricing' });
    expect(reported.usageSource).toBeUndefined();
  });
});

describe('cost', () => {
  test('usage.cost from the gateway comes first', async () => {
    const reply = { text: 'ok', cost: 0.00042, headers: { 'x-litellm-response-cost': '9' } };
    const { client } = await setup([reply], { pricing: { input: 3, output: 15 } });
    expect(await client.complete(ask)).toMatchObject({ costUsd: 0.00042, costSource: 'gateway' });
  });

  test('then the x-litellm-response-cost header', async () => {
    const { client } = await setup([{ text: 'ok', headers: { 'x-litellm-response-cost': '0.0123' } }], { pricing: { input: 3, output: 15 } });
    expect(await client.complete(ask)).toMatchObject({ costUsd: 0.0123, costSource: 'gateway' });
  });

  test('then the role pricing: 1200 in + 300 out at 3/15 per million', async () => {
    const { client } = await setup([{ text: 'ok', promptTokens: 1200, completionTokens: 300 }], { pricing: { input: 3, output: 15 } });
    expect(await client.complete(ask)).toMatchObject({ costUsd: 0.0081, costSource: 'pricing' });
  });

  test('cached prompt tokens at the cachedInput price', async () => {
    const { client } = await setup([{ text: 'ok', promptTokens: 1200, completionTokens: 300, cachedTokens: 1000 }], {
      pricing: { input: 3, output: 15, cachedInput: 0.3 },
    });
    expect((await client.complete(ask)).costUsd).toBe(0.0054);
  });

  test('a gateway-reported cost of 0 is a real 0', async () => {
    const { client } = await setup([{ text: 'ok', cost: 0 }]);
    expect(await client.complete(ask)).toMatchObject({ costUsd: 0, costSource: 'gateway' });
  });

  test('unknown when nothing prices the call', async () => {
    const { client } = await setup([{ text: 'ok', promptTokens: 10 }]);
    expect(await client.complete(ask)).toMatchObject({ costUsd: null, costSource: 'unknown' });
  });
});

describe('retries', () => {
  test('429 with Retry-After waits what the gateway asked, then succeeds; each attempt recorded', async () => {
    const replies = [{ status: 429, retryAfter: 2 }, { status: 429, retryAfter: 120 }, { text: 'done' }];
    const { gw, client, records, sleeps } = await setup(replies, { maxRetries: 3 });
    expect((await client.complete(ask)).text).toBe('done');
    expect(sleeps).toEqual([2_000, 60_000]);
    expect(gw.requests).toHaveLength(3);
    expect(records.map((r) => [r.status, r.httpStatus])).toEqual([['error', 429], ['error', 429], ['ok', undefined]]);
    expect(records[0].error).toBe(
      'editor call to FastRouter failed: 429 Too Many Requests (model qwen2.5-coder:7b). Rate limited: wait a moment, lower the concurrency, or raise the account limits.',
    );
  });

  test('503 is retried with jittered backoff within the window', async () => {
    const { gw, client, sleeps } = await setup([{ status: 503 }, { status: 503 }, { text: 'up' }], { maxRetries: 2 });
    expect((await client.complete(ask)).text).toBe('up');
    expect(gw.requests).toHaveLength(3);
    expect(sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(sleeps[0]).toBeLessThan(500);
    expect(sleeps[1]).toBeLessThan(1_000);
  });

  test('gives up after maxRetries and throws the last error', async () => {
    const { gw, client, records } = await setup([{ status: 502 }, { status: 502 }], { maxRetries: 1 });
    const err = await failure(client.complete(ask));
    expect(err.status).toBe(502);
    expect(err.exitCode).toBe(4);
    expect(gw.requests).toHaveLength(2);
    expect(records).toHaveLength(2);
  });

  test.each([
    [401, 'editor call to FastRouter failed: 401 invalid key (model qwen2.5-coder:7b). Check the API key in FAKE_API_KEY.'],
    [402, 'editor call to FastRouter failed: 402 out of credits (model qwen2.5-coder:7b). Add credits to the account or use a cheaper model.'],
    [404, 'editor call to FastRouter failed: 404 model not found (model qwen2.5-coder:7b). Check editor.model: the gateway does not know this model.'],
  ])('%i is not retried', async (status, message) => {
    const error = { 401: 'invalid key', 402: 'out of credits', 404: 'model not found' }[status];
    const { gw, client, records, sleeps } = await setup([{ status, error }, { text: 'never' }], { maxRetries: 3 });
    const err = await failure(client.complete(ask));
    expect(err.message).toBe(message);
    expect(err.retryable).toBe(false);
    expect(gw.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
    expect(records).toEqual([expect.objectContaining({ status: 'error', httpStatus: status, error: message, costUsd: null })]);
  });

  test('503 on a pinned route says to check the provider slug', async () => {
    const { client } = await setup([{ status: 503, error: 'No endpoints found matching your data policy' }], { provider: { only: ['my-ollama'] } });
    const err = await failure(client.complete(ask));
    expect(err.message).toBe(
      'editor call to FastRouter failed: 503 No endpoints found matching your data policy (model qwen2.5-coder:7b). No provider matches the routing: check the provider.only slug in editor.provider and that the host behind it is up.',
    );
  });
});

describe('broken streams', () => {
  test('an error event inside a 200 stream fails the call, and is retried', async () => {
    const broken = { text: 'abcdef', chunks: 3, errorInStream: { message: 'provider overloaded', code: 502 } };
    const { client, records } = await setup([broken, { text: 'fine' }], { maxRetries: 1 });
    expect((await client.complete(ask)).text).toBe('fine');
    expect(records[0]).toMatchObject({ status: 'error', costUsd: null, promptTokens: 0 });
    expect(records[0].error).toBe(
      'editor call to FastRouter failed: error in stream: provider overloaded (model qwen2.5-coder:7b). The upstream provider failed mid-answer; try again or use another model.',
    );
    expect(records[0].ttftMs).not.toBeNull();
  });

  test('a stream cut mid-way fails with "stream ended early"', async () => {
    const { client, records } = await setup([{ text: 'abcdefgh', chunks: 4, cutAfterChunks: 2 }]);
    const err = await failure(client.complete(ask));
    expect(err.message).toMatch(/^editor call to FastRouter failed: stream ended early after 2 chunks \(model qwen2.5-coder:7b\)\./);
    expect(err.retryable).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0].status).toBe('error');
  });

  test('a stream without finish_reason fails even when it ends cleanly', async () => {
    const { client } = await setup([{ text: 'abc', errorInStream: { message: 'x', afterChunks: 5 } }]);
    await failure(client.complete(ask));
  });

  test("the fake's loud failure surfaces as a 500 naming the request", async () => {
    const { client } = await setup([]);
    const err = await failure(client.complete(ask));
    expect(err.status).toBe(500);
    expect(err.message).toContain('fake gateway: no scripted reply for model qwen2.5-coder:7b (request #1)');
  });
});

describe('timeouts and aborts', () => {
  test('first-token timeout names the config key and is retried', async () => {
    const timeouts = { connectMs: 5_000, firstTokenMs: 40, totalMs: 5_000 };
    const { client, records } = await setup([{ text: 'slow', delayMs: 400 }, { text: 'quick' }], { timeouts, maxRetries: 1, local: true });
    expect((await client.complete(ask)).text).toBe('quick');
    expect(records[0].error).toBe(
      'editor call to FastRouter failed: timed out: no first token within 40 ms (model qwen2.5-coder:7b). Raise editor.timeouts.firstTokenMs if the model needs longer (a cold local model can take a minute to load).',
    );
    expect(records[0].latencyMs).toBeLessThan(300);
  });

  test('total timeout stops a stream that trickles too long', async () => {
    const timeouts = { connectMs: 5_000, firstTokenMs: 5_000, totalMs: 80 };
    const { client } = await setup([{ text: 'abcdefghij', chunks: 10, chunkDelayMs: 30 }], { timeouts });
    const err = await failure(client.complete(ask));
    expect(err.message).toContain('timed out: call not finished within 80 ms');
    expect(err.message).toContain('Raise editor.timeouts.totalMs');
  });

  test('connect timeout when no response headers arrive', async () => {
    const timeouts = { connectMs: 40, firstTokenMs: 5_000, totalMs: 5_000 };
    const { client } = await setup([{ text: 'late', delayMs: 400 }], { timeouts });
    const err = await failure(client.complete(ask));
    expect(err.message).toContain('timed out: no response within 40 ms');
  });

  test('abort via signal mid-stream throws promptly, records the attempt, and is not retried', async () => {
    const { gw, client, records } = await setup([{ text: 'x'.repeat(100), chunks: 50, chunkDelayMs: 20 }, { text: 'never' }], { maxRetries: 2 });
    const controller = new AbortController();
    const started = Date.now();
    const promise = client.complete({ ...ask, signal: controller.signal, onDelta: (_t, n) => n === 2 && controller.abort() });
    const err = await promise.then(() => undefined, (e: unknown) => e as Error);
    expect(err?.message).toBe('editor call aborted (model qwen2.5-coder:7b)');
    expect(err).toMatchObject({ exitCode: 130 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(gw.requests).toHaveLength(1);
    expect(records).toEqual([expect.objectContaining({ status: 'error', error: 'editor call aborted (model qwen2.5-coder:7b)' })]);
  });

  test('an already aborted signal never reaches the gateway', async () => {
    const { gw, client } = await setup([{ text: 'x' }]);
    await expect(client.complete({ ...ask, signal: AbortSignal.abort() })).rejects.toMatchObject({ exitCode: 130 });
    expect(gw.requests).toHaveLength(0);
  });
});

test('connection refused says the gateway is not running', async () => {
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
  const baseURL = `http://127.0.0.1:${port}/v1`;
  const records: CallRecord[] = [];
  const role = makeRole(baseURL, { gatewayName: 'Ollama', maxRetries: 1 });
  const client = createModelClient(role, { onCall: (r) => records.push(r), sleep: async () => {} });
  const err = await failure(client.complete(ask));
  expect(err.message).toBe(`editor call failed: cannot reach Ollama at ${baseURL}: is it running? (model qwen2.5-coder:7b)`);
  expect(records).toHaveLength(2);
});
