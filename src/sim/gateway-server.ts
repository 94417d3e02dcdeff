import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeChatReply } from './chat-reply.js';
import { ollamaAnswer } from './ollama-api.js';
import { RouteTable } from './routes.js';
import type { CapturedBody, CapturedRequest, FakeGateway, FakeGatewayOptions } from './types.js';

export type * from './types.js';
export { matchModel, matchNotPinned, matchProviderPinned } from './matchers.js';

async function readBody(req: IncomingMessage): Promise<CapturedBody | null> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const raw = Buffer.concat(parts).toString('utf8');
  if (raw.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed !== null && typeof parsed === 'object' ? (parsed as CapturedBody) : null;
  } catch {
    return null;
  }
}

function lowerCasedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts an OpenAI-compatible gateway on 127.0.0.1 that answers from a script and records every request. */
export async function startFakeGateway(options: FakeGatewayOptions = {}): Promise<FakeGateway> {
  const table = new RouteTable(options.routes ?? []);
  const requests: CapturedRequest[] = [];
  const warmUps: CapturedRequest[] = [];
  const closing = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Warm-ups (tandem marks them) are kept apart, so scripts and request counts see only plan and step calls.
    const warming = req.headers['x-tandem-call-kind'] === 'warm-up';
    const captured: CapturedRequest = {
      n: (warming ? warmUps : requests).length + 1,
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0],
      headers: lowerCasedHeaders(req),
      body: null,
      time: Date.now(),
    };
    (warming ? warmUps : requests).push(captured);
    captured.body = await readBody(req);
    const key = `${captured.method} ${captured.path}`;

    if (options.apiKey !== undefined && captured.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(res, 401, { error: { message: 'invalid API key', type: 'authentication_error', code: 401 } });
    } else if (key === 'POST /v1/chat/completions') {
      const reply = warming ? (options.warmUp ?? { text: 'OK', completionTokens: 1 }) : table.next(captured);
      if (!reply) {
        const model = captured.body?.model ?? '(none)';
        const message = `fake gateway: no scripted reply for model ${model} (request #${captured.n})`;
        sendJson(res, 500, { error: { message, type: 'fake_gateway_error', code: 500 } });
        return;
      }
      // One signal per response: the server closing or the client hanging up stops the script.
      const stop = new AbortController();
      const abort = (): void => stop.abort();
      closing.signal.addEventListener('abort', abort, { once: true });
      res.on('close', () => {
        abort();
        closing.signal.removeEventListener('abort', abort);
      });
      await writeChatReply(captured, reply, res, stop.signal);
    } else if (key === 'GET /v1/models') {
      const ids = options.models ?? table.models();
      const data = ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' }));
      sendJson(res, 200, { object: 'list', data });
    } else {
      const native = ollamaAnswer(captured, options.ollama);
      if (native) sendJson(res, native.status, native.body);
      else sendJson(res, 404, { error: { message: `fake gateway: no route ${key}`, type: 'not_found_error', code: 404 } });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A throwing function route is a broken script: say so as loudly as a missing reply.
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: { message: `fake gateway: ${String(err)}`, type: 'fake_gateway_error', code: 500 } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    warmUps,
    close: () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
