import { safeUrl } from '../privacy/url.js';

/** Which pool member served a call, and whether the gateway's cache answered it, as the gateway says. */
export interface UpstreamInfo {
  upstream?: string;
  gatewayCache?: 'hit' | 'miss';
}

/**
 * Reads the serving upstream from a response. Portkey names the target it used as a JSON path into its
 * config (`config.targets[1]`), which is resolved against the `x-portkey-config` the role sent, so the
 * record says which host; LiteLLM names the deployment; OpenRouter and FastRouter name the provider in
 * the stream (`reportedProvider`).
 */
export function readUpstream(headers: Headers | undefined, requestHeaders: Record<string, string>, reportedProvider?: string): UpstreamInfo {
  const info: UpstreamInfo = {};
  const index = headers?.get('x-portkey-last-used-option-index');
  if (index) info.upstream = portkeyTarget(index, requestHeaders) ?? index;
  const litellm = headers?.get('x-litellm-model-api-base') || headers?.get('x-litellm-model-id');
  if (!info.upstream && litellm) info.upstream = safeUrl(litellm);
  if (!info.upstream && reportedProvider) info.upstream = reportedProvider;
  const cache = headers?.get('x-portkey-cache-status')?.toUpperCase();
  if (cache?.includes('HIT')) info.gatewayCache = 'hit';
  else if (cache === 'MISS') info.gatewayCache = 'miss';
  return info;
}

interface PortkeyTarget {
  custom_host?: unknown;
  provider?: unknown;
  targets?: unknown;
}

/** `config.targets[1].targets[0]` → that target's host (or provider), when the request's config has it. */
function portkeyTarget(path: string, requestHeaders: Record<string, string>): string | undefined {
  const raw = Object.entries(requestHeaders).find(([name]) => name.toLowerCase() === 'x-portkey-config')?.[1];
  if (!raw || !/^config(\.targets\[\d+\])+$/.test(path)) return undefined;
  let node: PortkeyTarget;
  try {
    node = JSON.parse(raw) as PortkeyTarget;
  } catch {
    return undefined;
  }
  for (const match of path.matchAll(/\[(\d+)\]/g)) {
    const next = Array.isArray(node?.targets) ? (node.targets[Number(match[1])] as PortkeyTarget | undefined) : undefined;
    if (!next || typeof next !== 'object') return undefined;
    node = next;
  }
  if (typeof node.custom_host === 'string') return safeUrl(node.custom_host);
  return typeof node.provider === 'string' ? `${node.provider} (${path.replace(/^config\./, '')})` : undefined;
}
