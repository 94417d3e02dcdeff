import { describe, expect, it } from 'vitest';
import { hasUserInfo, safeUrl } from '../../src/privacy/url.js';

describe('safeUrl', () => {
  it.each([
    ['http://user:SECRETPASS@host/v1', 'http://host/v1'],
    ['https://token@gateway.example/v1/', 'https://gateway.example/v1/'],
    ['https://api.example/v1?key=AIzaSECRET&region=eu', 'https://api.example/v1?region=eu'],
    ['https://api.example/v1?api_key=s1&token=s2&access_token=s3', 'https://api.example/v1'],
    ['http://localhost:11434/v1', 'http://localhost:11434/v1'],
    ['http://localhost:11434', 'http://localhost:11434'],
    ['http://u:p@[bad/v1?key=1', 'http://[bad/v1'],
  ])('%s is shown as %s', (url, shown) => {
    expect(safeUrl(url)).toBe(shown);
  });
});

describe('hasUserInfo', () => {
  it('finds a user name or a password, and nothing in a plain URL', () => {
    expect(hasUserInfo('http://user:pw@host/v1')).toBe(true);
    expect(hasUserInfo('http://user@host/v1')).toBe(true);
    expect(hasUserInfo('https://go.fastrouter.ai/api/v1')).toBe(false);
    expect(hasUserInfo('http://host/v1?email=a@b.c')).toBe(false);
  });
});
