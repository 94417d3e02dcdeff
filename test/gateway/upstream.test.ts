import { describe, expect, it } from 'vitest';
import { readUpstream } from '../../src/gateway/upstream.js';

const portkeyConfig = JSON.stringify({
  strategy: { mode: 'loadbalance' },
  targets: [
    { provider: 'openai', api_key: 'ollama', custom_host: 'http://gpu-1:11434/v1' },
    { provider: 'openai', api_key: 'ollama', custom_host: 'http://bob:pw@gpu-2:11434/v1?api_key=zz' },
    { strategy: { mode: 'fallback' }, targets: [{ provider: 'anthropic', api_key: 'k' }] },
  ],
});

describe('readUpstream', () => {
  it('resolves the target Portkey used to the host of that target in the config the role sent', () => {
    const request = { 'x-portkey-config': portkeyConfig };
    expect(readUpstream(new Headers({ 'x-portkey-last-used-option-index': 'config.targets[0]' }), request)).toEqual({ upstream: 'http://gpu-1:11434/v1' });
    // Credentials in a target's host never reach the log.
    expect(readUpstream(new Headers({ 'x-portkey-last-used-option-index': 'config.targets[1]' }), request).upstream).toBe('http://gpu-2:11434/v1');
    expect(readUpstream(new Headers({ 'x-portkey-last-used-option-index': 'config.targets[2].targets[0]' }), request).upstream).toBe('anthropic (targets[2].targets[0])');
    // An index the config does not have is kept as Portkey said it.
    expect(readUpstream(new Headers({ 'x-portkey-last-used-option-index': 'config.targets[7]' }), request).upstream).toBe('config.targets[7]');
  });

  it("reads Portkey's cache status as hit or miss, and nothing when the cache is off", () => {
    const status = (value: string) => readUpstream(new Headers({ 'x-portkey-cache-status': value }), {}).gatewayCache;
    expect([status('HIT'), status('SEMANTIC HIT'), status('MISS'), status('DISABLED')]).toEqual(['hit', 'hit', 'miss', undefined]);
  });

  it("takes LiteLLM's deployment, then the provider the stream named", () => {
    expect(readUpstream(new Headers({ 'x-litellm-model-api-base': 'http://gpu-3:11434', 'x-litellm-model-id': 'abc' }), {}).upstream).toBe('http://gpu-3:11434');
    expect(readUpstream(new Headers({ 'x-litellm-model-id': 'abc123' }), {}).upstream).toBe('abc123');
    expect(readUpstream(new Headers(), {}, 'DeepInfra').upstream).toBe('DeepInfra');
    expect(readUpstream(undefined, {})).toEqual({});
  });
});
