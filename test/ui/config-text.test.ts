import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { configText } from '../../src/ui/config-text.js';

describe('configText', () => {
  it('shows each resolved value as key: value and never a key or a secret header', () => {
    const config = resolveConfig(
      { gateway: { baseURL: 'https://gw.example/v1', apiKeyEnv: 'GW_KEY', headers: { 'x-portkey-api-key': 'pk-secret', 'x-team': 'core' } } },
      { GW_KEY: 'sk-very-secret' },
      ['defaults', '/repo/tandem.config.json'],
    );
    const text = configText(config);
    expect(text).not.toContain('sk-very-secret');
    expect(text).not.toContain('pk-secret');
    expect(text).toContain('architect.apiKey: (hidden, from $GW_KEY or $TANDEM_API_KEY)');
    expect(text).toContain('architect.headers.x-portkey-api-key: (hidden)');
    expect(text).toContain('architect.headers.x-team: core');
    expect(text).toContain('architect.baseURL: https://gw.example/v1');
    expect(text).toContain('editor.provider.only: _tandem_local_router');
    expect(text.split('\n').at(-1)).toBe('resolved from (later wins): defaults < /repo/tandem.config.json');
  });

  it('says when no key is set', () => {
    const text = configText(resolveConfig({}, {}));
    expect(text).toMatch(/^architect\.apiKey: \(not set: \$\w+ or \$TANDEM_API_KEY\)$/m);
  });
});
