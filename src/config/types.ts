/** Role names a model call can be made for. */
export type RoleName = 'architect' | 'editor' | 'fallback' | 'summarizer';

/** USD per million tokens. */
export interface Pricing {
  input: number;
  output: number;
  /** Prompt tokens read from the provider's prompt cache. */
  cachedInput?: number;
  /** Prompt tokens written to the prompt cache (Anthropic charges 1.25x input for them). */
  cacheWrite?: number;
}

/** Timeouts of one role's calls, in milliseconds. */
export interface Timeouts {
  connectMs: number;
  firstTokenMs: number;
  totalMs: number;
}

/** One role, fully resolved: everything a ModelClient needs to call it. */
export interface ResolvedRole {
  role: RoleName;
  model: string;
  baseURL: string;
  /** The variable the key was read from (for messages; the key itself is in apiKey). */
  apiKeyEnv?: string;
  apiKey?: string;
  headers: Record<string, string>;
  /** Passed through unchanged in the request body as `provider`. */
  provider?: Record<string, unknown>;
  pricing?: Pricing;
  local: boolean;
  contextWindow?: number;
  /** false: never mark a cache breakpoint in this role's requests (prompt caching is on otherwise). */
  promptCache?: boolean;
  timeouts: Timeouts;
  /** For a local role: the timeout of its calls until the model has answered once (a cold load), in ms. */
  coldStartMs?: number;
  maxRetries: number;
  /** Short name of the gateway for messages ("FastRouter", "OpenRouter", "LiteLLM", "Portkey", "Ollama", or the host). */
  gatewayName: string;
}

export type EditFormat = 'auto' | 'search-replace' | 'udiff' | 'whole';
export type PrivacyLevel = 'standard' | 'outline' | 'local-summary';

/** The whole resolved configuration a command works with. */
export interface ResolvedConfig {
  architect: ResolvedRole & { contextBudget: number };
  editor: ResolvedRole & {
    editFormat: EditFormat;
    /** Files with at most this many lines are asked for whole under editFormat "auto". */
    wholeFileMaxLines: number;
    /** Edit retries after the first attempt before the fallback (if any) gets one try. */
    editRetries: number;
    /** After the retries fail, the same editor is asked once for the whole file (when it fits its window). */
    escalate: boolean;
    /** Editor hosts behind the gateway's load balancer, when the config names a pool. */
    pool?: string[];
    /** Calls each editor host serves at once; `--concurrency auto` is pool members × this. */
    parallelPerHost: number;
    /** Load a local editor's model while the architect plans. */
    warmUp: boolean;
  };
  fallback?: ResolvedRole;
  privacy: PrivacyLevel;
  /** Project rules files named in config, after the ones tandem finds itself. */
  rules: string[];
  /** How steps are committed (`git.verify`: run commit hooks). */
  git: { verify: boolean };
  /** Where each value came from, for `/config` and `doctor`. */
  sources: string[];
}
