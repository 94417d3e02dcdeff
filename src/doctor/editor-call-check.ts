import type { ResolvedRole } from '../config/types.js';
import { GatewayError } from '../gateway/errors.js';
import { createModelClient } from '../gateway/openai-client.js';
import type { CheckResult } from './types.js';

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function pinOf(role: ResolvedRole): string[] {
  const only = role.provider?.['only'];
  return Array.isArray(only) ? only.filter((s): s is string => typeof s === 'string') : [];
}

/** Checks the provider that answered against `provider.only`, when the gateway named one. */
export function pinCheck(role: ResolvedRole, reported: string | undefined): CheckResult | undefined {
  const pin = pinOf(role);
  if (pin.length === 0) return undefined;
  const title = 'editor provider pin';
  const pinned = pin.join(', ');
  if (reported === undefined) {
    return { id: 'editor-pin', title, status: 'pass', detail: `sent provider.only [${pinned}]; ${role.gatewayName} does not say which provider answered` };
  }
  if (pin.some((p) => slug(p) === slug(reported))) return { id: 'editor-pin', title, status: 'pass', detail: `answered by ${reported}, as pinned` };
  return {
    id: 'editor-pin',
    title,
    status: 'fail',
    detail: `answered by ${reported}, not by the pinned ${pinned}: editor calls are not reaching your host`,
    fix:
      'check the slug in editor.provider.only against the gateway (FastRouter: Setup, External Keys, Provider Slug) ' +
      'and add "allow_fallbacks": false so editor calls never go elsewhere',
  };
}

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * A one-token editor call through the real client, then the pin check on who answered. A local editor
 * is called twice: the first call (sent as a warm-up) includes loading the model when it was not
 * loaded, the second shows the warm latency every step after the first will see.
 */
export async function editorCallChecks(role: ResolvedRole): Promise<CheckResult[]> {
  const client = createModelClient({ ...role, maxRetries: 0 });
  const title = `editor call (${role.model})`;
  const ask = (kind?: 'warm-up') => client.complete({ messages: [{ role: 'user', content: 'Reply with the word OK.' }], maxTokens: 1, temperature: 0, ...(kind && { meta: { kind } }) });
  try {
    let call: CheckResult;
    let result;
    if (role.local) {
      const cold = await ask('warm-up');
      result = await ask();
      call = {
        id: 'editor-call',
        title,
        status: 'pass',
        detail: `answered in ${seconds(cold.latencyMs)} s cold (the first call loads the model if it was not loaded), ${seconds(result.latencyMs)} s warm, through ${result.provider}`,
        measured: { coldMs: cold.latencyMs, warmMs: result.latencyMs },
      };
    } else {
      result = await ask();
      call = { id: 'editor-call', title, status: 'pass', detail: `answered in ${seconds(result.latencyMs)} s through ${result.provider}` };
    }
    const pin = pinCheck(role, result.reportedProvider);
    return pin ? [call, pin] : [call];
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    return [{ id: 'editor-call', title, status: 'fail', detail: error.message, fix: error.advice }];
  }
}
