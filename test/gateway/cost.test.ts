import { expect, test } from 'vitest';
import { costFromPricing, parseReportedCost, resolveCost } from '../../src/gateway/cost.js';

test('costFromPricing: per million tokens, rounded free of float noise', () => {
  expect(costFromPricing({ input: 3, output: 15 }, 1200, 300)).toBe(0.0081);
  expect(costFromPricing({ input: 0.15, output: 0.6 }, 1_000_000, 1_000_000)).toBe(0.75);
  expect(costFromPricing({ input: 0.1, output: 0.2 }, 1, 2)).toBe(0.0000005);
  expect(costFromPricing({ input: 0, output: 0 }, 5000, 5000)).toBe(0);
});

test('costFromPricing: cached tokens use cachedInput, and only when it is given', () => {
  expect(costFromPricing({ input: 3, output: 15, cachedInput: 0.3 }, 1200, 300, 1000)).toBe(0.0054);
  expect(costFromPricing({ input: 3, output: 15 }, 1200, 300, 1000)).toBe(0.0081);
  expect(costFromPricing({ input: 3, output: 15, cachedInput: 0.3 }, 100, 0, 500)).toBe(0.00003);
});

test('parseReportedCost accepts numbers and numeric strings, nothing else', () => {
  expect(parseReportedCost(0.5)).toBe(0.5);
  expect(parseReportedCost('0.0123')).toBe(0.0123);
  expect(parseReportedCost(0)).toBe(0);
  expect(parseReportedCost('')).toBeUndefined();
  expect(parseReportedCost('n/a')).toBeUndefined();
  expect(parseReportedCost(-1)).toBeUndefined();
  expect(parseReportedCost(null)).toBeUndefined();
});

test('resolveCost: usage.cost, then header, then pricing, else unknown', () => {
  const tokens = { prompt: 1200, completion: 300, cached: 0 };
  const pricing = { input: 3, output: 15 };
  expect(resolveCost({ usageCost: 0.1, headerCost: '0.2', pricing, tokens })).toEqual({ costUsd: 0.1, costSource: 'gateway' });
  expect(resolveCost({ headerCost: '0.2', pricing, tokens })).toEqual({ costUsd: 0.2, costSource: 'gateway' });
  expect(resolveCost({ headerCost: null, pricing, tokens })).toEqual({ costUsd: 0.0081, costSource: 'pricing' });
  expect(resolveCost({ tokens })).toEqual({ costUsd: null, costSource: 'unknown' });
  expect(resolveCost({ pricing })).toEqual({ costUsd: null, costSource: 'unknown' });
});

test('costFromPricing: cache writes use cacheWrite, and only when it is given', () => {
  const pricing = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 };
  // 200 x 3 + 1000 x 3.75 + 300 x 15
  expect(costFromPricing(pricing, 1200, 300, 0, 1000)).toBe(0.00885);
  // 200 x 3 + 500 x 0.3 + 500 x 3.75 + 300 x 15
  expect(costFromPricing(pricing, 1200, 300, 500, 500)).toBe(0.007125);
  expect(costFromPricing({ input: 3, output: 15 }, 1200, 300, 0, 1000)).toBe(0.0081);
});
