import { scrub } from './scrub.js';

type Write = NodeJS.WriteStream['write'];

const wrapped = new WeakSet<NodeJS.WriteStream>();

/**
 * Routes every write to stdout and stderr through `scrub`: what commands print, the session's frames,
 * progress, annotations and cli.ts's error printer alike. One choke point, so nothing printed can skip it.
 */
export function redactStandardStreams(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (wrapped.has(stream)) continue;
    wrapped.add(stream);
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => write(redactChunk(chunk, rest[0]), ...rest)) as Write;
  }
}

function redactChunk(chunk: unknown, encoding: unknown): unknown {
  // A string in another encoding (hex, base64) is data, not text: nothing tandem prints.
  if (typeof chunk === 'string') return typeof encoding === 'string' && !/^utf-?8$/i.test(encoding) ? chunk : scrub(chunk);
  if (chunk instanceof Uint8Array) {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
    const clean = scrub(text);
    return clean === text ? chunk : Buffer.from(clean, 'utf8');
  }
  return chunk;
}
