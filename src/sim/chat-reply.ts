import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { CapturedRequest, ScriptedError, ScriptedReply } from './types.js';
import { buildUsage } from './usage.js';
import { wait } from './wait.js';

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'insufficient_credits',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
};

/** The `{"error": {...}}` body of an HTTP error reply. */
export function errorBody(status: number, error: string | ScriptedError | undefined): { error: ScriptedError } {
  const given = typeof error === 'string' ? { message: error } : error;
  return {
    error: {
      message: given?.message ?? STATUS_CODES[status] ?? 'error',
      type: given?.type ?? ERROR_TYPES[status] ?? 'server_error',
      code: given?.code ?? status,
    },
  };
}

function baseHeaders(reply: ScriptedReply): Record<string, string> {
  return {
    ...(reply.retryAfter !== undefined && { 'retry-after': String(reply.retryAfter) }),
    ...reply.headers,
  };
}

/** Splits text into `count` nearly equal pieces, never inside a code point. */
export function splitText(text: string, count: number): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const n = Math.max(1, Math.min(count, chars.length));
  const size = Math.ceil(chars.length / n);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

/** Answers one chat-completions request as scripted, streaming or not; stops quietly when `signal` aborts. */
export async function writeChatReply(
  req: CapturedRequest,
  reply: ScriptedReply,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  await wait(reply.delayMs ?? 0, signal);
  if (signal.aborted) return;
  if (reply.status !== undefined && reply.status >= 400) {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...baseHeaders(reply) });
    res.end(JSON.stringify(errorBody(reply.status, reply.error)));
    return;
  }
  if (req.body?.stream && !reply.ignoreStream) await streamReply(req, reply, res, signal);
  else jsonReply(req, reply, res);
}

function envelope(req: CapturedRequest, reply: ScriptedReply, object: string): Record<string, unknown> {
  return {
    id: `gen-fake-${req.n}`,
    object,
    created: Math.floor(req.time / 1000),
    model: req.body?.model ?? 'unknown',
    ...(reply.provider !== undefined && { provider: reply.provider }),
  };
}

function jsonReply(req: CapturedRequest, reply: ScriptedReply, res: ServerResponse): void {
  if (reply.cutAfterChunks !== undefined) {
    res.socket?.destroy();
    return;
  }
  const body = {
    ...envelope(req, reply, 'chat.completion'),
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text ?? '' }, finish_reason: 'stop' }],
    ...(!reply.omitUsage && { usage: buildUsage(reply, req.body) }),
  };
  res.writeHead(200, { 'content-type': 'application/json', ...baseHeaders(reply) });
  res.end(JSON.stringify(body));
}

async function streamReply(
  req: CapturedRequest,
  reply: ScriptedReply,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const text = reply.text ?? '';
  const pieces = splitText(text, reply.chunks ?? Math.ceil(text.length / 16));
  const stopAt = reply.cutAfterChunks ?? (reply.errorInStream && (reply.errorInStream.afterChunks ?? 1));
  // Remember the last write so a scripted cut happens only after the chunks before it reached the client.
  let flushed = Promise.resolve();
  const send = (line: string): void => {
    flushed = new Promise((resolve) => res.write(line, () => resolve()));
  };
  const event = (data: unknown): void => send(`data: ${JSON.stringify(data)}\n\n`);
  const chunk = (choice: Record<string, unknown>): void =>
    event({ ...envelope(req, reply, 'chat.completion.chunk'), choices: [{ index: 0, ...choice }] });

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...baseHeaders(reply) });
  res.flushHeaders();
  for (let i = 0; i < pieces.length && i !== stopAt; i++) {
    if (i > 0) {
      await wait(reply.chunkDelayMs ?? 0, signal);
      if (signal.aborted) return;
      if (reply.comments) send(': keep-alive\n\n');
    }
    chunk({ delta: { ...(i === 0 && { role: 'assistant' }), content: pieces[i] }, finish_reason: null });
  }
  if (reply.cutAfterChunks !== undefined) {
    await flushed;
    res.socket?.destroy();
    return;
  }
  if (reply.errorInStream) {
    const { message, type, code } = reply.errorInStream;
    event({ error: errorBody(500, { message, type, code }).error });
    res.end();
    return;
  }
  if (reply.comments) send(': keep-alive\n\n');
  chunk({ delta: {}, finish_reason: 'stop' });
  if (req.body?.stream_options?.include_usage && !reply.omitUsage) {
    event({ ...envelope(req, reply, 'chat.completion.chunk'), choices: [], usage: buildUsage(reply, req.body) });
  }
  res.end('data: [DONE]\n\n');
}
