import { openAiEndpoint } from '../config/editor-pool.js';
import type { ResolvedRole } from '../config/types.js';
import { GatewayError } from '../gateway/errors.js';
import { createModelClient } from '../gateway/openai-client.js';
import { safeUrl } from '../privacy/url.js';
import { probeJson } from './probe.js';
import type { CheckResult } from './types.js';

interface PortkeyPool {
  strategy?: unknown;
  targets: Array<Record<string, unknown>>;
}

function portkeyPool(role: ResolvedRole): PortkeyPool | undefined {
  const raw = Object.entries(role.headers).find(([name]) => name.toLowerCase() === 'x-portkey-config')?.[1];
  try {
    const config = raw ? (JSON.parse(raw) as Partial<PortkeyPool>) : undefined;
    return Array.isArray(config?.targets) ? (config as PortkeyPool) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks every editor pool member on its own. Behind Portkey, one tiny call per member goes through the
 * gateway with the member's weight alone left above zero, so Portkey must serve it from that target (the
 * served index is checked); elsewhere (LiteLLM balances by its own model_list) each host's model list is read.
 */
export async function poolChecks(editor: ResolvedRole & { pool?: string[] }, timeoutMs: number): Promise<CheckResult[]> {
  const pool = editor.pool ?? [];
  const portkey = portkeyPool(editor);
  return Promise.all(
    pool.map(async (url, i): Promise<CheckResult> => {
      const title = `editor pool member ${i + 1}/${pool.length} (${safeUrl(url)})`;
      if (!portkey) return hostCheck(url, title, timeoutMs);
      const target = portkey.targets.findIndex((t) => typeof t.custom_host === 'string' && openAiEndpoint(t.custom_host.replace(/\/+$/, '')) === openAiEndpoint(url));
      if (target < 0) return { id: 'editor-pool', title, status: 'fail', detail: 'not among the targets of the editor\'s x-portkey-config', fix: 'run tandem init --gateway portkey --editor-pool <urls> --force to write both from one list' };
      return memberCall(editor, portkey, target, title);
    }),
  );
}

async function memberCall(editor: ResolvedRole, pool: PortkeyPool, target: number, title: string): Promise<CheckResult> {
  const only = { ...pool, strategy: { mode: 'loadbalance' }, targets: pool.targets.map((t, i) => ({ ...t, weight: i === target ? 1 : 0 })) };
  const client = createModelClient({ ...editor, maxRetries: 0, headers: { ...editor.headers, 'x-portkey-config': JSON.stringify(only) } });
  try {
    const result = await client.complete({ messages: [{ role: 'user', content: 'Reply with the word OK.' }], maxTokens: 1, temperature: 0 });
    const seconds = (result.latencyMs / 1000).toFixed(1);
    const expected = safeUrl(openAiEndpoint(String(pool.targets[target].custom_host).replace(/\/+$/, '')));
    if (result.upstream !== undefined && result.upstream !== expected) {
      return { id: 'editor-pool', title, status: 'fail', detail: `asked for targets[${target}] but served by ${result.upstream}`, fix: 'check the targets and weights of the editor\'s x-portkey-config' };
    }
    return { id: 'editor-pool', title, status: 'pass', detail: `answered in ${seconds} s, served by targets[${target}]` };
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    return { id: 'editor-pool', title, status: 'fail', detail: error.message, fix: `check that this host runs Ollama with the editor's model: curl ${safeUrl(openAiEndpoint(String(pool.targets[target].custom_host)))}/models` };
  }
}

async function hostCheck(url: string, title: string, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const answer = await probeJson(`${openAiEndpoint(url)}/models`, { timeoutMs });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!answer.ok) return { id: 'editor-pool', title, status: 'fail', detail: `unreachable: ${answer.error}`, fix: 'start Ollama on that host (OLLAMA_HOST=0.0.0.0 ollama serve) or drop it from editor.pool and the proxy' };
  if (answer.status >= 400) return { id: 'editor-pool', title, status: 'fail', detail: `HTTP ${answer.status} from its model list`, fix: 'check that the host serves an OpenAI-compatible /v1 API' };
  const models = (answer.body as { data?: unknown[] } | null)?.data?.length ?? 0;
  return { id: 'editor-pool', title, status: 'pass', detail: `answered in ${seconds} s with ${models} model${models === 1 ? '' : 's'}` };
}
