import type { RoleName } from '../../src/config/types.js';
import type { ModelClient, ModelRequest, ModelResult } from '../../src/gateway/types.js';

/** A ModelClient that answers from a script and keeps every request; fails loudly when the script runs out. */
export function scriptedClient(role: RoleName, answers: string[], model = `${role}-model`): ModelClient & { requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  return {
    role,
    model,
    requests,
    async complete(request) {
      requests.push(request);
      const text = answers.shift();
      if (text === undefined) throw new Error(`scripted ${role} client: no answer left for request ${requests.length}`);
      const result: ModelResult = { text, model, provider: 'test', promptTokens: 10, completionTokens: 5, cachedTokens: 0, latencyMs: 1, ttftMs: 1, costUsd: 0, costSource: 'pricing' };
      return result;
    },
  };
}
