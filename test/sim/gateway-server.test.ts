import { describe, expect, test } from 'vitest';
import {
  matchModel,
  matchNotPinned,
  matchProviderPinned,
  startFakeGateway,
  type FakeGateway,
} from '../helpers/fake-gateway.js';
import { useGateways } from '../helpers/repo-gateway.js';

const start = useGateways();

function chat(gw: FakeGateway, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gw.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** A response body parsed as loosely as JSON.parse types it. */
function json(res: Response): Promise<ReturnType<typeof JSON.parse>> {
  return res.json();
}

const messages = [{ role: 'user', content: 'abcdefgh' }];

/** The raw SSE events of a response body, in order. */
async function events(res: Response): Promise<string[]> {
  const raw = await res.text();
  return raw.split('\n\n').filter((e) => e !== '');
}

describe('streaming', () => {
  test('content chunks, finish chunk, usage chunk with empty choices, then [DONE]', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'Hello, world!', chunks: 3, provider: 'Ollama', cost: 0.002 }] }] });
    const res = await chat(gw, { model: 'm', messages, stream: true, stream_options: { include_usage: true } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const all = await events(res);
    expect(all.at(-1)).toBe('data: [DONE]');
    const data = all.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, '')));
    expect(data.slice(0, 3).map((d) => d.choices[0].delta.content)).toEqual(['Hello', ', wor', 'ld!']);
    expect(data[0].choices[0].delta.role).toBe('assistant');
    expect(data[3].choices[0]).toEqual({ index: 0, delta: {}, finish_reason: 'stop' });
    expect(data[4].choices).toEqual([]);
    expect(data[4].usage).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6, cost: 0.002 });
    expect(data.every((d) => d.provider === 'Ollama' && d.model === 'm' && d.object === 'chat.completion.chunk')).toBe(true);
  });

  test('no usage chunk unless include_usage was asked for, or when omitUsage', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'a' }, { text: 'b', omitUsage: true }] }] });
    const plain = await events(await chat(gw, { model: 'm', messages, stream: true }));
    const omitted = await events(
      await chat(gw, { model: 'm', messages, stream: true, stream_options: { include_usage: true } }),
    );
    expect(plain).toHaveLength(3);
    expect(omitted).toHaveLength(3);
    expect(omitted.some((e) => e.includes('usage'))).toBe(false);
  });

  test('keep-alive comments between chunks, cached tokens in usage', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'abcdef', chunks: 2, comments: true, cachedTokens: 1, promptTokens: 10 }] }] });
    const all = await events(await chat(gw, { model: 'm', messages, stream: true, stream_options: { include_usage: true } }));
    expect(all.filter((e) => e === ': keep-alive')).toHaveLength(2);
    const usage = JSON.parse(all.at(-2)!.slice(6)).usage;
    expect(usage.prompt_tokens_details).toEqual({ cached_tokens: 1 });
    expect(usage.prompt_tokens).toBe(10);
  });

  test('an error event inside a 200 stream after the given chunks, with no [DONE]', async () => {
    const gw = await start({
      routes: [{ replies: [{ text: 'abcdef', chunks: 3, errorInStream: { message: 'upstream died', code: 502, afterChunks: 2 } }] }],
    });
    const res = await chat(gw, { model: 'm', messages, stream: true });
    expect(res.status).toBe(200);
    const all = await events(res);
    expect(all).toHaveLength(3);
    expect(JSON.parse(all[2].slice(6))).toEqual({ error: { message: 'upstream died', type: 'server_error', code: 502 } });
  });

  test('cutAfterChunks drops the connection mid-stream', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'abcdef', chunks: 3, cutAfterChunks: 1 }] }] });
    const res = await chat(gw, { model: 'm', messages, stream: true });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  test('delayMs holds the first byte back', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'a', delayMs: 60 }] }] });
    const started = Date.now();
    await chat(gw, { model: 'm', messages, stream: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe('replies', () => {
  test('non-streaming chat.completion with usage and scripted headers', async () => {
    const gw = await start({
      routes: [{ replies: [{ text: 'hi', completionTokens: 7, headers: { 'x-litellm-response-cost': '0.5' } }] }],
    });
    const res = await chat(gw, { model: 'm', messages });
    expect(res.headers.get('x-litellm-response-cost')).toBe('0.5');
    const body = await json(res);
    expect(body.object).toBe('chat.completion');
    expect(body.choices[0].message).toEqual({ role: 'assistant', content: 'hi' });
    expect(body.usage).toEqual({ prompt_tokens: 2, completion_tokens: 7, total_tokens: 9 });
  });

  test('HTTP errors with an OpenAI-style body and Retry-After', async () => {
    const gw = await start({ routes: [{ replies: [{ status: 429, retryAfter: 3 }, { status: 402, error: 'Insufficient credits' }] }] });
    const limited = await chat(gw, { model: 'm', messages, stream: true });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await json(limited)).toEqual({ error: { message: 'Too Many Requests', type: 'rate_limit_error', code: 429 } });
    const broke = await chat(gw, { model: 'm', messages, stream: true });
    expect(await json(broke)).toEqual({ error: { message: 'Insufficient credits', type: 'insufficient_credits', code: 402 } });
  });

  test('routes: arrays consumed in order, first match with replies left wins, functions get a count', async () => {
    const gw = await start({
      routes: [
        { match: matchProviderPinned(), replies: [{ text: 'pinned-1' }] },
        { match: matchModel('big'), replies: (req, n) => ({ text: `big-${n}-${req.n}` }) },
        { match: matchNotPinned(), replies: [{ text: 'free-1' }, { text: 'free-2' }] },
      ],
    });
    const text = async (body: Record<string, unknown>): Promise<string> =>
      (await json(await chat(gw, { messages, ...body }))).choices[0].message.content;
    expect(await text({ model: 'small', provider: { only: ['local'] } })).toBe('pinned-1');
    expect(await text({ model: 'small' })).toBe('free-1');
    expect(await text({ model: 'big' })).toBe('big-0-3');
    expect(await text({ model: 'small', provider: { only: [] } })).toBe('free-2');
    expect(await text({ model: 'big' })).toBe('big-1-5');
    const spent = await chat(gw, { model: 'small', messages, provider: { only: ['local'] } });
    expect((await json(spent)).error.message).toBe('fake gateway: no scripted reply for model small (request #6)');
  });

  test('fails loudly when the script runs out, and still records the request', async () => {
    const gw = await start({ routes: [{ match: matchModel('a'), replies: [{ text: 'once' }] }] });
    await chat(gw, { model: 'a', messages });
    const res = await chat(gw, { model: 'a', messages });
    expect(res.status).toBe(500);
    expect((await json(res)).error.message).toBe('fake gateway: no scripted reply for model a (request #2)');
    expect(gw.requests).toHaveLength(2);
  });

  test('captures method, path, lower-cased headers, parsed body and time', async () => {
    const gw = await start({ routes: [{ replies: [{ text: 'x' }] }] });
    const before = Date.now();
    await chat(gw, { model: 'm', messages, provider: { only: ['p'] } }, { 'X-Title': 'tandem' });
    const [req] = gw.requests;
    expect(req.n).toBe(1);
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers['x-title']).toBe('tandem');
    expect(req.body).toEqual({ model: 'm', messages, provider: { only: ['p'] } });
    expect(req.time).toBeGreaterThanOrEqual(before);
  });
});

describe('other endpoints', () => {
  test('GET /v1/models lists the models named by routes, or the given list', async () => {
    const gw = await start({ routes: [{ match: matchModel('a'), replies: [] }, { match: matchModel('b'), replies: [] }] });
    const body = await json(await fetch(`${gw.url}/models`));
    expect(body.object).toBe('list');
    expect(body.data.map((m: { id: string }) => m.id)).toEqual(['a', 'b']);
    const other = await startFakeGateway({ models: ['x'] });
    const listed = await json(await fetch(`${other.url}/models`));
    await other.close();
    expect(listed.data).toEqual([{ id: 'x', object: 'model', created: 0, owned_by: 'fake' }]);
  });

  test("Ollama's native API: /api/version, and /api/show with the context length and num_ctx", async () => {
    const gw = await start({ ollama: { contextLength: 32768, numCtx: 8192, models: ['qwen'] } });
    const root = gw.url.replace(/\/v1$/, '');
    expect(await json(await fetch(`${root}/api/version`))).toEqual({ version: '0.12.0' });
    const show = await fetch(`${root}/api/show`, { method: 'POST', body: JSON.stringify({ model: 'qwen' }) });
    expect(await json(show)).toEqual({
      model_info: { 'general.architecture': 'qwen2', 'qwen2.context_length': 32768 },
      parameters: 'num_ctx                        8192\nstop                           "<|im_end|>"',
    });
    const unknown = await fetch(`${root}/api/show`, { method: 'POST', body: '{"model":"llama"}' });
    expect([unknown.status, await json(unknown)]).toEqual([404, { error: "model 'llama' not found" }]);
  });

  test('without num_ctx /api/show lists no such parameter; without ollama the native API answers 404', async () => {
    const gw = await start({ ollama: { contextLength: 32768, numCtx: null } });
    const show = await fetch(`${gw.url.replace(/\/v1$/, '')}/api/show`, { method: 'POST', body: '{"model":"any"}' });
    expect((await json(show)).parameters).toBe('stop                           "<|im_end|>"');
    const plain = await startFakeGateway();
    const root = plain.url.replace(/\/v1$/, '');
    const missing = await fetch(`${root}/api/show`, { method: 'POST', body: '{"model":"qwen"}' });
    const version = await fetch(`${root}/api/version`);
    await plain.close();
    expect([missing.status, await json(missing)]).toEqual([404, { error: "model 'qwen' not found" }]);
    expect(version.status).toBe(404);
  });

  test('with apiKey set, requests without that bearer key get 401', async () => {
    const gw = await start({ apiKey: 'right', models: ['m'] });
    const wrong = await fetch(`${gw.url}/models`, { headers: { authorization: 'Bearer wrong' } });
    expect([wrong.status, await json(wrong)]).toEqual([401, { error: { message: 'invalid API key', type: 'authentication_error', code: 401 } }]);
    const right = await fetch(`${gw.url}/models`, { headers: { authorization: 'Bearer right' } });
    expect(right.status).toBe(200);
  });

  test('unknown paths answer 404', async () => {
    const gw = await start({});
    const res = await fetch(`${gw.url}/embeddings`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});

test('close() ends promptly even with a slow stream open', async () => {
  const gw = await startFakeGateway({ routes: [{ replies: () => ({ text: 'x'.repeat(200), chunks: 50, chunkDelayMs: 1_000 }) }] });
  const res = await chat(gw, { model: 'm', messages, stream: true });
  const reading = res.text().catch((err: unknown) => err);
  const started = Date.now();
  await gw.close();
  expect(Date.now() - started).toBeLessThan(500);
  expect(await reading).toBeInstanceOf(Error);
});
