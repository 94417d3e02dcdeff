import type { ResolvedRole } from '../../src/config/types.js';

/** A hand-made ResolvedRole for gateway tests: editor on a fake gateway, no retries, generous timeouts. */
export function makeRole(baseURL: string, overrides: Partial<ResolvedRole> = {}): ResolvedRole {
  return {
    role: 'editor',
    model: 'qwen2.5-coder:7b',
    baseURL,
    apiKeyEnv: 'FAKE_API_KEY',
    apiKey: 'sk-test',
    headers: {},
    local: false,
    timeouts: { connectMs: 5_000, firstTokenMs: 5_000, totalMs: 10_000 },
    maxRetries: 0,
    gatewayName: 'FastRouter',
    ...overrides,
  };
}
