import { isAbsolute, relative } from 'node:path';
import type { LayerSource, SourcedValue } from '../config/sources.js';
import { sourceOf } from '../config/sources.js';

const FLAGS: Record<string, string> = { baseURL: '--base-url', 'architect.model': '--architect-model', 'editor.model': '--editor-model', 'editor.provider': '--editor-provider' };
const VARIABLES: Record<string, string> = { baseURL: 'TANDEM_BASE_URL', 'architect.model': 'TANDEM_ARCHITECT_MODEL', 'editor.model': 'TANDEM_EDITOR_MODEL', 'editor.provider': 'TANDEM_EDITOR_PROVIDER' };

/**
 * Where a resolved value (e.g. `editor.baseURL`) was set, in words a fix can point at: the flag, the
 * variable, the key in the file that set it, or the default with the key to set in tandem.config.json.
 */
export function describeSource(key: string, values: readonly SourcedValue[], layers: readonly LayerSource[], root: string): string {
  const source = sourceOf(values, key);
  const [role, field] = key.split('.') as [string, string];
  const known = FLAGS[key] ?? FLAGS[field];
  if (source?.kind === 'flag') return known ? `the ${known} flag` : 'the command-line flags';
  if (source?.kind === 'env') return VARIABLES[key] ?? VARIABLES[field] ?? 'the TANDEM_* variables';
  const layer = layers.find((l) => l.label === source?.label)?.layer as Record<string, Record<string, unknown> | undefined> | undefined;
  if (layer && (source?.kind === 'repo file' || source?.kind === 'user file')) {
    const set = layer[role]?.[field] !== undefined ? key : `gateway.${field}`;
    return `${set} in ${shortPath(source.label, root)}`;
  }
  const fileKey = field === 'baseURL' ? 'gateway.baseURL' : key;
  return `the built-in default (set ${fileKey} in tandem.config.json, or pass ${known ?? 'a flag'})`;
}

function shortPath(path: string, root: string): string {
  const inside = relative(root, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

/** True for a URL on this machine (localhost, 127.x, ::1): no tunnel or network is involved in reaching it. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
  } catch {
    return false;
  }
}

/** True for a host that is a known tunnel (ngrok, Cloudflare, localtunnel), which must be running for the URL to answer. */
export function isTunnelUrl(url: string): boolean {
  try {
    return /(^|\.)(ngrok(-free)?\.(io|app|dev)|trycloudflare\.com|loca\.lt|localtunnel\.me)$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}
