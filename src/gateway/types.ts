import type { RoleName } from '../config/types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  /**
   * The stable prefix of the request ends with this message: where the route supports prompt caching
   * (Anthropic models), the gateway is asked to cache everything up to here.
   */
  cacheBreak?: boolean;
}

/** One request to a model. */
export interface ModelRequest {
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  /** Ask for a JSON object (`response_format: {type: "json_object"}`). */
  json?: boolean;
  signal?: AbortSignal;
  /** Called with each streamed text delta and the running count of completion chunks. */
  onDelta?: (text: string, chunks: number) => void;
  /** Free-form labels copied into every CallRecord of this request (plan id, step index...). */
  meta?: { planId?: string; runId?: string; step?: number | null; kind?: CallKind };
}

/** What a call was for when it is not a plan or step call: `warm-up` loads a local model ahead of its first step. */
export type CallKind = 'warm-up';

export type CostSource = 'gateway' | 'pricing' | 'unknown';

/** Where a call's token counts come from: the gateway's `usage`, or tandem's own count when it sent none. */
export type UsageSource = 'gateway' | 'estimated';

/** Who answered a call, what it used and what it cost: shared by results, attempt records and the activity log. */
export interface CallUsage {
  model: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens read from the provider's prompt cache (part of promptTokens). */
  cachedTokens: number;
  /** Prompt tokens written to the prompt cache (part of promptTokens); absent in records made before it was kept. */
  cacheWriteTokens?: number;
  latencyMs: number;
  ttftMs: number | null;
  /** null when no price is known: never a made-up 0. */
  costUsd: number | null;
  costSource: CostSource;
  /** The pool member that served the call, as the gateway named it (Portkey target host, LiteLLM deployment, provider). */
  upstream?: string;
  /** Whether the gateway's own cache answered (Portkey `x-portkey-cache-status`), when it says. */
  gatewayCache?: 'hit' | 'miss';
  /** Set (to "estimated") only when the gateway sent no usage and the tokens were counted locally. */
  usageSource?: UsageSource;
}

/** What a successful call returns. */
export interface ModelResult extends CallUsage {
  text: string;
  generationId?: string;
  /** The provider as the gateway itself named it, when it did (`provider` is the pin or gateway otherwise). */
  reportedProvider?: string;
}

/** One attempt at a call, successful or not: the raw material of the activity log. */
export interface CallRecord extends CallUsage {
  role: RoleName;
  status: 'ok' | 'error';
  error?: string;
  /** HTTP status when the gateway answered with one. */
  httpStatus?: number;
  meta?: ModelRequest['meta'];
}

/** The small interface every model sits behind. */
export interface ModelClient {
  readonly role: RoleName;
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelResult>;
}
