import type { ResolvedRole } from '../config/types.js';
import { safeUrl } from '../privacy/url.js';
import { probeJson, roleHeaders } from './probe.js';
import { isLoopbackUrl, isTunnelUrl } from './value-source.js';
import type { CheckResult } from './types.js';

/** What `GET <baseURL>/models` told about one role's endpoint. */
export type Listing =
  | { kind: 'unreachable'; error: string }
  | { kind: 'refused'; status: number }
  | { kind: 'listed'; ids: string[] }
  | { kind: 'unlisted'; status: number };

/** Asks the role's endpoint for its models, with the role's own headers and key. */
export async function listModels(role: ResolvedRole, timeoutMs: number): Promise<Listing> {
  const probe = await probeJson(`${role.baseURL.replace(/\/+$/, '')}/models`, { headers: roleHeaders(role), timeoutMs });
  if (!probe.ok) return { kind: 'unreachable', error: probe.error };
  if (probe.status === 401 || probe.status === 403) return { kind: 'refused', status: probe.status };
  const data = (probe.body as { data?: unknown } | null)?.data;
  if (probe.status !== 200 || !Array.isArray(data)) return { kind: 'unlisted', status: probe.status };
  const ids = data.map((m: { id?: unknown } | null) => m?.id).filter((id): id is string => typeof id === 'string');
  return { kind: 'listed', ids };
}

const START: Record<string, string> = {
  Ollama: 'start it with `ollama serve` (or fix the base URL)',
  LiteLLM: 'start the proxy with `litellm --config litellm.yaml` (or fix the base URL)',
  Portkey: 'start it with `npx @portkey-ai/gateway` (or fix the base URL)',
};

/**
 * Whether the role's endpoint answered at all. The fix names `urlSource`, where the URL was set (a flag, a
 * variable, a file's key); a tunnel is mentioned only for a tunnel's host, the network never for this machine.
 */
export function reachCheck(role: ResolvedRole, listing: Listing, urlSource = 'gateway.baseURL in tandem.config.json'): CheckResult {
  const title = `${role.gatewayName} reachable`;
  if (listing.kind !== 'unreachable') return { id: 'reach', title, status: 'pass', detail: `answers at ${safeUrl(role.baseURL)}` };
  const start = START[role.gatewayName];
  const fix = start
    ? start.replace('fix the base URL', `fix ${urlSource}`)
    : isLoopbackUrl(role.baseURL)
      ? `start the server that should answer at ${safeUrl(role.baseURL)}, or fix ${urlSource}`
      : isTunnelUrl(role.baseURL)
        ? `start the tunnel (and the server behind it), or fix ${urlSource}`
        : `check ${urlSource} and the network`;
  return { id: 'reach', title, status: 'fail', detail: `cannot reach ${safeUrl(role.baseURL)}: ${listing.error}`, fix };
}

/** Whether the role's model is listed by its endpoint: missing on an Ollama host fails, missing on a gateway only warns. */
export function modelCheck(role: ResolvedRole, listing: Listing, ollamaHost: boolean, modelSource = `${role.role}.model`): CheckResult {
  const title = `${role.role} model ${role.model}`;
  const key = role.apiKeyEnv ?? 'TANDEM_API_KEY';
  switch (listing.kind) {
    case 'unreachable':
      return { id: 'model', title, status: 'skip', detail: `not checked: ${role.gatewayName} is unreachable` };
    case 'refused':
      return { id: 'model', title, status: 'fail', detail: `${role.gatewayName} refused the key (HTTP ${listing.status})`, fix: `check the key in ${key}` };
    case 'unlisted':
      return {
        id: 'model',
        title,
        status: 'warn',
        detail: `${role.gatewayName} does not list models (HTTP ${listing.status} from /models)`,
        fix: role.role === 'editor' ? 'the editor call below is the real test' : 'the first plan is the real test',
      };
    case 'listed':
      if (listing.ids.includes(role.model)) return { id: 'model', title, status: 'pass', detail: `listed by ${role.gatewayName}` };
      if (ollamaHost) {
        return { id: 'model', title, status: 'fail', detail: 'not pulled on this Ollama', fix: `ollama pull ${role.model}` };
      }
      return {
        id: 'model',
        title,
        status: 'warn',
        detail: `not in ${role.gatewayName}'s /models (gateways often leave custom and BYOK models out)`,
        fix: `if calls fail with 404, check ${modelSource}`,
      };
  }
}
