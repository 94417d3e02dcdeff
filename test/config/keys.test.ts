import { describe, expect, it } from 'vitest';
import { keyMissing, missingKeyError } from '../../src/config/keys.js';
import { resolveConfig } from '../../src/config/load.js';

describe('keys', () => {
  it('needs the named variable or TANDEM_API_KEY; a role with no key variable needs none', () => {
    expect(keyMissing(resolveConfig({}, {}).architect)).toBe(true);
    expect(keyMissing(resolveConfig({}, { FASTROUTER_API_KEY: 'k' }).architect)).toBe(false);
    expect(keyMissing(resolveConfig({}, { TANDEM_API_KEY: 'k' }).architect)).toBe(false);
    expect(keyMissing(resolveConfig({ editor: { baseURL: 'http://localhost:11434/v1', model: 'qwen' } }, {}).editor)).toBe(false);
  });

  it('says which variable to set, as a usage error', () => {
    const error = missingKeyError(resolveConfig({}, {}).architect);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('no API key for the architect: set FASTROUTER_API_KEY (or TANDEM_API_KEY) for FastRouter');
  });
});
