import { expect, test } from 'vitest';
import { promptCacheLine } from '../../src/report/cache-line.js';

test('the prompt-cache line: hits with their share, writes when any; nothing without caching', () => {
  expect(promptCacheLine({ promptTokens: 12_000, cachedTokens: 9_000 })).toBe('prompt cache: 9,000 of 12,000 prompt tokens read from the cache (75%)');
  expect(promptCacheLine({ promptTokens: 5_000, cacheWriteTokens: 4_000 })).toBe('prompt cache: 0 of 5,000 prompt tokens read from the cache (0%), 4,000 written to it');
  expect(promptCacheLine({ promptTokens: 5_000 })).toBe('');
  expect(promptCacheLine({ promptTokens: 5_000, cachedTokens: 0, cacheWriteTokens: 0 })).toBe('');
});
