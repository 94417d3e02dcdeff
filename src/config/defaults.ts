import { safeUrl } from '../privacy/url.js';
import type { Pricing, Timeouts } from './types.js';

export const DEFAULT_BASE_URL = 'https://go.fastrouter.ai/api/v1';
export const DEFAULT_API_KEY_ENV = 'FASTROUTER_API_KEY';
export const DEFAULT_ARCHITECT_MODEL = 'anthropic/claude-sonnet-4';
export const DEFAULT_EDITOR_MODEL = 'auto_tandem_router';
export const DEFAULT_EDITOR_PROVIDER = { only: ['_tandem_local_router'] };

/** Cold model loads take up to a minute, so the first-token timeout is generous. */
export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 30_000, firstTokenMs: 120_000, totalMs: 600_000 };

/** A cold Ollama load takes 45-100 s on common machines: a local model's first call may take this long. */
export const DEFAULT_COLD_START_MS = 180_000;

/** Known prices, USD per million tokens (WIRE.md), used when a role names no pricing. */
const KNOWN_PRICES: Array<[RegExp, Pricing]> = [
  [/claude-(sonnet-4|3[.-]5-sonnet|3[.-]7-sonnet)/, { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 }],
  [/gpt-4o-mini/, { input: 0.15, output: 0.6 }],
];

/** The built-in price of a model, when tandem knows one. */
export function knownPricing(model: string): Pricing | undefined {
  return KNOWN_PRICES.find(([pattern]) => pattern.test(model))?.[1];
}

/** A short human name for the gateway behind a base URL, for messages. */
export function gatewayNameFor(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return safeUrl(baseURL);
  }
  const host = url.hostname;
  if (host.endsWith('fastrouter.ai')) return 'FastRouter';
  if (host.endsWith('openrouter.ai')) return 'OpenRouter';
  if (host.endsWith('anthropic.com')) return 'Anthropic';
  if (host.endsWith('openai.com')) return 'OpenAI';
  if (url.port === '11434') return 'Ollama';
  if (url.port === '4000') return 'LiteLLM';
  if (url.port === '8787') return 'Portkey';
  return url.host;
}
