import { afterEach, describe, expect, it } from 'vitest';
import { findSecrets, Redactor } from '../../src/privacy/redact.js';
import { knownSecrets, rememberSecrets, resetKnownSecrets, secretEnvValues } from '../../src/privacy/secret-env.js';

afterEach(() => resetKnownSecrets());

describe('secretEnvValues', () => {
  it('takes *_KEY, *_TOKEN, *_SECRET, *PASSWORD* and the named variables with 8+ characters, and nothing else', () => {
    const env = {
      GATEWAY_API_KEY: 'gw-0123456789',
      CI_JOB_TOKEN: 'job-tok-9876',
      APP_SECRET: 'appsecret-1',
      DB_PASSWORD_FILE: 'hunter2hunter2',
      MY_CRED: 'named-by-config-1',
      SHORT_KEY: 'short',
      HOME: '/home/someone-long',
      KEYBOARD: 'us-international',
    };
    expect(secretEnvValues(env, ['MY_CRED'])).toEqual([
      { value: 'gw-0123456789', kind: 'api-key' },
      { value: 'job-tok-9876', kind: 'token' },
      { value: 'appsecret-1', kind: 'secret' },
      { value: 'hunter2hunter2', kind: 'password' },
      { value: 'named-by-config-1', kind: 'secret' },
    ]);
  });
});

describe('known secrets in the redaction', () => {
  it('replaces a remembered value wherever it occurs, also JSON-, HTML- and URL-escaped, with the guard placeholder', () => {
    rememberSecrets([{ value: 'pa"ss<w>rd 42!', kind: 'api-key' }]);
    const redactor = new Redactor();
    const text = `raw pa"ss<w>rd 42! json ${JSON.stringify('pa"ss<w>rd 42!')} html pa&quot;ss&lt;w&gt;rd 42! url ${encodeURIComponent('pa"ss<w>rd 42!')}`;
    expect(redactor.redact(text)).toBe('raw [REDACTED:api-key] json "[REDACTED:api-key-2]" html [REDACTED:api-key-3] url [REDACTED:api-key-4]');
  });

  it('ignores values under 8 characters and learns the environment once', () => {
    rememberSecrets([{ value: 'tiny', kind: 'api-key' }]);
    expect(knownSecrets().some((s) => s.value === 'tiny')).toBe(false);
    expect(findSecrets('a tiny text', [{ value: 'tiny-but-long', kind: 'api-key' }])).toEqual([]);
  });

  it('takes the start of a known value cut short by an ellipsis (6 characters or more)', () => {
    const known = [{ value: 'custom-secret-value-31', kind: 'secret' }];
    expect(new Redactor(known).redact('key custom-secr… and custo…')).toBe('key [REDACTED:secret]… and custo…');
  });

  it('takes a known value before a pattern that covers only part of it', () => {
    const known = [{ value: 'token=abc123def456-and-more', kind: 'token' }];
    expect(findSecrets('x token=abc123def456-and-more y', known)).toEqual([{ start: 2, end: 29, kind: 'token' }]);
  });
});
