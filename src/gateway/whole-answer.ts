import type { CompletionUsage } from 'openai/resources/completions';

/** What a gateway's one-body answer held, in the terms of a read stream. */
export interface WholeAnswer {
  text: string;
  finished: boolean;
  usage?: CompletionUsage;
  provider?: string;
  chunkId?: string;
}

/** True when a gateway answered the streamed request with one JSON body instead (a proxy that does not stream). */
export function isWholeAnswer(headers: Headers): boolean {
  return /\bapplication\/json\b/i.test(headers.get('content-type') ?? '');
}

/** Reads a non-streamed chat completion; a body that is not JSON throws a SyntaxError (malformed data). */
export async function readWholeAnswer(response: Response): Promise<WholeAnswer> {
  const body = (await response.json()) as {
    id?: string;
    provider?: unknown;
    usage?: CompletionUsage;
    choices?: Array<{ message?: { content?: unknown }; finish_reason?: unknown }>;
  };
  const choice = body.choices?.[0];
  const content = choice?.message?.content;
  return {
    text: typeof content === 'string' ? content : '',
    finished: Boolean(choice?.finish_reason),
    ...(body.usage && { usage: body.usage }),
    ...(typeof body.provider === 'string' && body.provider !== '' && { provider: body.provider }),
    ...(typeof body.id === 'string' && { chunkId: body.id }),
  };
}
