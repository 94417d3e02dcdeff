/** The parts of a chat-completions body the fake reads; everything else is kept as sent. */
export interface CapturedBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  provider?: { only?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}

/** One request the fake gateway received, answered or not. */
export interface CapturedRequest {
  /** 1-based position among all requests this gateway received. */
  n: number;
  method: string;
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON body, or null when there was none or it was not JSON. */
  body: CapturedBody | null;
  /** Arrival time, ms since the epoch. */
  time: number;
}

/** An error object as gateways send it: `{"error": {message, type, code}}`. */
export interface ScriptedError {
  message: string;
  type?: string;
  code?: string | number;
}

/** How the fake answers one chat-completions request. */
export interface ScriptedReply {
  /** The assistant content. */
  text?: string;
  /** Default: ceil(chars / 4) of the prompt messages. */
  promptTokens?: number;
  /** Default: ceil(chars / 4) of `text`. */
  completionTokens?: number;
  /** Prompt tokens read from the prompt cache (part of promptTokens). */
  cachedTokens?: number;
  /** Prompt tokens written to the prompt cache (part of promptTokens). */
  cacheWriteTokens?: number;
  /**
   * How cache counts are reported: `openai` (default) as `prompt_tokens_details.cached_tokens` and
   * OpenRouter's `cache_write_tokens`; `anthropic` as `cache_read_input_tokens` and
   * `cache_creation_input_tokens` beside `prompt_tokens`, as LiteLLM passes Anthropic's usage on.
   */
  cacheUsageStyle?: 'openai' | 'anthropic';
  /** Sent as `usage.cost` (USD). */
  cost?: number;
  /** Sent as the top-level `provider` field, as OpenRouter does. */
  provider?: string;
  /** Extra response headers, e.g. `x-litellm-response-cost`. */
  headers?: Record<string, string>;
  /** HTTP error status; the body is `{"error": ...}` built from `error`. */
  status?: number;
  error?: string | ScriptedError;
  /** Seconds, sent as the `Retry-After` header. */
  retryAfter?: number;
  /** Wait before the first byte of the response. */
  delayMs?: number;
  /** Wait between stream chunks. */
  chunkDelayMs?: number;
  /** How many content chunks the text is split into (default: about one per 16 characters). */
  chunks?: number;
  /** Send `: keep-alive` SSE comment lines between chunks. */
  comments?: boolean;
  /** HTTP 200, then after `afterChunks` content chunks (default 1) a `data: {"error": ...}` event. */
  errorInStream?: ScriptedError & { afterChunks?: number };
  /** Destroy the socket after this many content chunks: no finish, no [DONE]. */
  cutAfterChunks?: number;
  /** Send no usage at all. */
  omitUsage?: boolean;
  /** Answer in one JSON body even when the request asks for a stream, as a proxy that does not stream. */
  ignoreStream?: boolean;
}

/** Matches requests; may carry the model name so `/v1/models` can list it. */
export type RequestMatcher = ((req: CapturedRequest) => boolean) & { model?: string };

/** A scripted route: the first matching route with a reply left answers. */
export interface Route {
  match?: RequestMatcher;
  /** Consumed in order; a function answers every call (`n` is this route's 0-based call count). */
  replies: ScriptedReply[] | ((req: CapturedRequest, n: number) => ScriptedReply);
}

/** What the fake's Ollama native API reports. */
export interface FakeOllama {
  /** The model's trained context length (`model_info["<arch>.context_length"]`). */
  contextLength: number;
  /** `num_ctx` in the model's parameters; null for none (the server's default then applies). Default: contextLength. */
  numCtx?: number | null;
  /** Models `/api/show` knows; default: any. */
  models?: string[];
}

/** Options of `startFakeGateway`. */
export interface FakeGatewayOptions {
  routes?: Route[];
  /** Ids listed by `GET /v1/models`; default: the models named by `matchModel` routes. */
  models?: string[];
  /** When set, every request must carry `Authorization: Bearer <apiKey>`; others get 401 as from a gateway. */
  apiKey?: string;
  /** The answer to a warm-up chat request (default: "OK", one completion token); warm-ups never consume route replies. */
  warmUp?: ScriptedReply;
  /** When set, the fake also speaks Ollama's native API (`/api/version`, `/api/show`); otherwise those answer 404. */
  ollama?: FakeOllama;
}

/** A running fake gateway. */
export interface FakeGateway {
  /** Base URL ending in `/v1`. */
  url: string;
  requests: CapturedRequest[];
  /** Warm-up requests (marked by tandem with `x-tandem-call-kind: warm-up`), numbered apart from `requests`. */
  warmUps: CapturedRequest[];
  /** Stops the server and destroys open sockets, streams included. */
  close(): Promise<void>;
}
