/** Which pool member served a call, and whether the gateway's cache answered it, as the gateway says. */
export interface UpstreamInfo {
  upstream?: string;
  gatewayCache?: 'hit' | 'miss';
}

const HEADER_KEYS = /^(key|api_key|apikey|token|access_token|auth|password|secret)$/i;

/** A URL safe to print or store: no user-info, no query parameters that carry keys. Anything that does not parse is returned as is. */
export function displayUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) if (HEADER_KEYS.test(name)) url.searchParams.delete(name);
  const text = url.toString();
  // URL adds a trailing slash to a bare origin; keep the user's spelling.
  return raw.endsWith('/') || url.pathname !== '/' ? text : text.replace(/\/$/, '');
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
  if (!info.upstream && litellm) info.upstream = displayUrl(litellm);
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
  if (typeof node.custom_host === 'string') return displayUrl(node.custom_host);
  return typeof node.provider === 'string' ? `${node.provider} (${path.replace(/^config\./, '')})` : undefined;
}
