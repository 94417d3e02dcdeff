import { usageError } from '../errors.js';
import { splitList } from './layers.js';
import type { GatewayPreset } from './presets.js';
import type { ConfigLayer } from './schema.js';

/** What `tandem init --editor-pool` adds: the config layer to write, and for LiteLLM the proxy snippet to paste. */
export interface EditorPool {
  layer: ConfigLayer;
  /** Text for the gateway's own config file, which tandem does not own (LiteLLM's `config.yaml`). */
  snippet?: string;
}

/** Parses `--editor-pool <url>,<url>…`: two or more distinct http(s) URLs without credentials. */
export function parsePoolUrls(list: string): string[] {
  const urls = splitList(list).map((raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw usageError(`--editor-pool: "${raw}" is not a URL`, 'give the editor hosts as a comma list, e.g. --editor-pool http://gpu-1:11434,http://gpu-2:11434');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usageError(`--editor-pool: "${raw}" is not an http(s) URL`);
    if (url.username || url.password) throw usageError(`--editor-pool: "${url.host}" carries credentials in its URL`, 'put credentials in the key variable, not the URL');
    return url.toString().replace(/\/+$/, '');
  });
  if (new Set(urls).size !== urls.length) throw usageError('--editor-pool names the same host twice');
  if (urls.length < 2) throw usageError('--editor-pool needs at least two editor hosts (one host is an ordinary editor: use --base-url)');
  return urls;
}

/** An Ollama host's OpenAI-compatible endpoint (`…/v1`), which Portkey's `custom_host` and tandem's doctor call. */
export function openAiEndpoint(url: string): string {
  return /\/v1$/.test(url) ? url : `${url}/v1`;
}

/** The Portkey config that spreads editor calls over the pool: `loadbalance`, equal weights, each target an OpenAI-schema host. */
export function portkeyPoolConfig(urls: string[]): Record<string, unknown> {
  return {
    strategy: { mode: 'loadbalance' },
    targets: urls.map((url) => ({ provider: 'openai', api_key: 'ollama', custom_host: openAiEndpoint(url), weight: 1 })),
  };
}

/**
 * Puts an editor pool on a preset's layer. Portkey balances inside tandem's own request (an
 * `x-portkey-config` header), so the layer holds all of it; LiteLLM balances by its own `model_list`,
 * so the layer names the members and the deployment list is printed for the proxy's config file.
 */
export function withEditorPool(gateway: GatewayPreset, layer: ConfigLayer, urls: string[]): EditorPool {
  const editor = { ...layer.editor, pool: urls };
  if (gateway === 'portkey') {
    // The single-host routing headers would override the config's targets.
    const single = new Set(['x-portkey-provider', 'x-portkey-custom-host']);
    const kept = Object.entries(layer.editor?.headers ?? {}).filter(([name]) => !single.has(name.toLowerCase()));
    const headers = { ...Object.fromEntries(kept), 'x-portkey-config': JSON.stringify(portkeyPoolConfig(urls)) };
    return { layer: { ...layer, editor: { ...editor, headers } } };
  }
  if (gateway === 'litellm') {
    const name = layer.editor?.model ?? 'tandem-editor';
    const deployments = urls.map((url) =>
      [`  - model_name: ${name}`, '    litellm_params:', '      model: ollama_chat/qwen2.5-coder:7b-instruct', `      api_base: ${url.replace(/\/v1$/, '')}`].join('\n'),
    );
    const snippet = [
      '# LiteLLM proxy config.yaml: one deployment per editor host under the one model name tandem calls.',
      '# Set `model:` to the Ollama model each host serves.',
      'model_list:',
      ...deployments,
      'router_settings:',
      '  routing_strategy: least-busy',
      '',
    ].join('\n');
    return { layer: { ...layer, editor }, snippet };
  }
  throw usageError(
    `--editor-pool works with --gateway portkey or litellm, not ${gateway}`,
    gateway === 'fastrouter' || gateway === 'openrouter'
      ? `${gateway} balances over providers: register each host as a custom provider and list their slugs in editor.provider.only`
      : 'put Portkey or a LiteLLM proxy in front of the hosts (docs/scale.md)',
  );
}
