import { usageError } from '../errors.js';
import { knownPricing } from './defaults.js';
import type { ConfigLayer } from './schema.js';

/** The gateways `tandem init` knows, in menu order. */
export const GATEWAY_PRESETS = ['fastrouter', 'openrouter', 'litellm', 'portkey', 'ollama', 'direct'] as const;
export type GatewayPreset = (typeof GATEWAY_PRESETS)[number];

/** What the user may choose on top of a preset. */
export interface PresetChoices {
  architectModel?: string;
  editorModel?: string;
  /** The provider slug editor calls are pinned to with `provider.only` (FastRouter, OpenRouter). */
  providerSlug?: string;
  /** Where the gateway (or, for `direct`, the architect's endpoint) is. */
  baseURL?: string;
  /** The variable holding the gateway's (or, for `direct` and `portkey`, the architect provider's) key. */
  apiKeyEnv?: string;
}

/** A preset's defaults, for menus and messages. */
export interface PresetInfo {
  title: string;
  architectModel: string;
  editorModel: string;
  /** Set when editor calls are pinned to a provider slug. */
  providerSlug?: string;
  baseURL: string;
  /** The key variable, when the preset needs one. */
  apiKeyEnv?: string;
  /** Where docs/gateways.md explains the setup. */
  docs: string;
}

const OLLAMA_URL = 'http://localhost:11434/v1';
const LOCAL_EDITOR = { pricing: { input: 0, output: 0 }, contextWindow: 8192, local: true, editFormat: 'auto' as const };

const INFO: Record<GatewayPreset, PresetInfo> = {
  fastrouter: {
    title: 'FastRouter: architect in the cloud, editor on your Ollama behind a BYOK custom host',
    architectModel: 'anthropic/claude-sonnet-4',
    editorModel: 'auto_tandem_router',
    providerSlug: '_tandem_local_router',
    baseURL: 'https://go.fastrouter.ai/api/v1',
    apiKeyEnv: 'FASTROUTER_API_KEY',
    docs: 'docs/gateways.md#fastrouter',
  },
  openrouter: {
    title: 'OpenRouter: architect and a cheap open-weights editor, pinned to one provider',
    architectModel: 'anthropic/claude-sonnet-4',
    editorModel: 'qwen/qwen-2.5-coder-32b-instruct',
    providerSlug: 'deepinfra',
    baseURL: 'https://openrouter.ai/api/v1',
    apiKeyEnv: 'OPENROUTER_API_KEY',
    docs: 'docs/gateways.md#openrouter',
  },
  litellm: {
    title: 'LiteLLM proxy: model aliases from your proxy config, editor on Ollama',
    architectModel: 'claude-sonnet-4',
    editorModel: 'tandem-editor',
    baseURL: 'http://localhost:4000/v1',
    apiKeyEnv: 'LITELLM_API_KEY',
    docs: 'docs/gateways.md#litellm',
  },
  portkey: {
    title: 'Portkey gateway (open source): routed by x-portkey-* headers, editor on Ollama',
    architectModel: 'claude-sonnet-4-20250514',
    editorModel: 'qwen2.5-coder:7b-instruct',
    baseURL: 'http://localhost:8787/v1',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    docs: 'docs/gateways.md#portkey',
  },
  ollama: {
    title: 'Ollama only: both models on your machine, nothing leaves it, no key',
    architectModel: 'qwen2.5-coder:32b',
    editorModel: 'qwen2.5-coder:7b-instruct',
    baseURL: OLLAMA_URL,
    docs: 'docs/gateways.md#ollama-only',
  },
  direct: {
    title: 'No gateway: architect straight to an OpenAI-compatible API, editor straight to Ollama',
    architectModel: 'claude-sonnet-4-20250514',
    editorModel: 'qwen2.5-coder:7b-instruct',
    baseURL: 'https://api.anthropic.com/v1/',
    apiKeyEnv: 'ANTHROPIC_API_KEY',
    docs: 'docs/gateways.md#direct',
  },
};

/** True when `name` is a preset tandem knows. */
export function isGatewayPreset(name: string): name is GatewayPreset {
  return (GATEWAY_PRESETS as readonly string[]).includes(name);
}

/** A preset's defaults. */
export function presetInfo(name: GatewayPreset): PresetInfo {
  return INFO[name];
}

function architect(model: string, extra: Record<string, unknown> = {}): NonNullable<ConfigLayer['architect']> {
  const pricing = knownPricing(model);
  return { model, ...extra, ...(pricing && { pricing }) };
}

/** The configuration a preset writes, with the user's choices applied; it validates with the config loader. */
export function presetConfig(name: GatewayPreset, choices: PresetChoices = {}): ConfigLayer {
  const info = INFO[name];
  if (choices.providerSlug !== undefined && info.providerSlug === undefined) {
    throw usageError(`--provider-slug does not apply to ${name}: its editor is chosen by model name or URL, not by a provider pin`);
  }
  if (choices.apiKeyEnv !== undefined && info.apiKeyEnv === undefined) throw usageError(`--api-key-env does not apply to ${name}: Ollama takes no key`);
  const a = choices.architectModel ?? info.architectModel;
  const e = choices.editorModel ?? info.editorModel;
  const url = choices.baseURL ?? info.baseURL;
  const keyEnv = choices.apiKeyEnv ?? info.apiKeyEnv;
  const pin = { only: [choices.providerSlug ?? info.providerSlug] };
  switch (name) {
    case 'fastrouter':
      return { gateway: { baseURL: url, apiKeyEnv: keyEnv }, architect: architect(a), editor: { model: e, provider: pin, ...LOCAL_EDITOR } };
    case 'openrouter':
      return {
        // OpenRouter's attribution headers name the app in its rankings and the user's activity page.
        gateway: { baseURL: url, apiKeyEnv: keyEnv, headers: { 'HTTP-Referer': 'https://tandem.invalid', 'X-Title': 'tandem' } },
        architect: architect(a),
        // A cloud editor: OpenRouter reports each call's cost, so no pricing is written.
        editor: { model: e, provider: { ...pin, allow_fallbacks: false }, contextWindow: 32768, editFormat: 'auto' },
      };
    case 'litellm':
      return { gateway: { baseURL: url, apiKeyEnv: keyEnv, name: 'LiteLLM' }, architect: architect(a), editor: { model: e, ...LOCAL_EDITOR } };
    case 'portkey':
      return {
        gateway: { baseURL: url, name: 'Portkey' },
        // Portkey forwards the bearer key to the provider named in x-portkey-provider.
        architect: architect(a, { apiKeyEnv: keyEnv, headers: { 'x-portkey-provider': 'anthropic' } }),
        // The editor's own baseURL keeps the architect's key away from Ollama; the openai provider keeps streamed usage.
        editor: { model: e, baseURL: url, headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': OLLAMA_URL }, ...LOCAL_EDITOR },
      };
    case 'ollama':
      return {
        gateway: { baseURL: url, name: 'Ollama' },
        architect: { model: a, baseURL: url, pricing: { input: 0, output: 0 }, local: true, contextWindow: 16384, contextBudget: 8000 },
        editor: { model: e, baseURL: url, ...LOCAL_EDITOR },
      };
    case 'direct':
      return { architect: architect(a, { baseURL: url, apiKeyEnv: keyEnv }), editor: { model: e, baseURL: OLLAMA_URL, ...LOCAL_EDITOR } };
  }
}
