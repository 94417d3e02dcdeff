import { describe, expect, it } from 'vitest';
import { formatCostSum, formatInt, formatLatency, formatTime, formatTokens, formatUsd, oneLine, truncate } from '../../src/report/format.js';
import { renderColumns } from '../../src/report/layout.js';

process.env.TZ = 'UTC';

describe('formatting', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [4200, '4,200'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
  ])('formatInt(%d) = %s', (value, text) => {
    expect(formatInt(value)).toBe(text);
  });

  it.each([
    [0.012, '$0.0120'],
    [0, '$0.0000'],
    [1.5, '$1.5000'],
    [0.00001, '<$0.0001'],
    [0.00005, '$0.0001'],
    [-0.005, '-$0.0050'],
    [null, '?'],
  ])('formatUsd(%s) = %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });

  it('formats sums with unknown parts as lower bounds', () => {
    expect(formatCostSum({ usd: 0.012, partial: false })).toBe('$0.0120');
    expect(formatCostSum({ usd: 0.012, partial: true })).toBe('≥$0.0120');
    expect(formatCostSum(null)).toBe('?');
  });

  it('formats tokens, latency and time', () => {
    expect(formatTokens(4200, 310)).toBe('4,200 / 310');
    expect(formatLatency(8200)).toBe('8.2s');
    expect(formatLatency(12_449)).toBe('12.4s');
    expect(formatLatency(40)).toBe('0.0s');
    expect(formatTime(new Date('2025-03-01T09:05:07.123Z'))).toBe('2025-03-01 09:05:07');
  });

  it('truncates at either end and collapses whitespace', () => {
    expect(truncate('src/handlers/signup.ts', 10, 'start')).toBe('…signup.ts');
    expect(truncate('anthropic/claude', 8)).toBe('anthrop…');
    expect(truncate('short', 8)).toBe('short');
    expect(truncate('données', 4)).toBe('don…');
    expect(truncate('anthropic/claude-sonnet-4', 19, 'middle')).toBe('anthropic/…sonnet-4');
    expect(truncate('auto_tandem_router', 11, 'middle')).toBe('auto_…outer');
    expect(truncate('openai/gpt-4o-mini', 18, 'middle')).toBe('openai/gpt-4o-mini');
    expect(oneLine(' a\n  b\tc ')).toBe('a b c');
  });
});

describe('renderColumns', () => {
  const columns = [{ header: 'Name', shrink: 'end' as const }, { header: 'N', align: 'right' as const }];

  it('aligns columns, draws rules and trims trailing spaces', () => {
    expect(renderColumns(columns, [['alpha', '1'], 'rule', ['b', '100']])).toBe('Name     N\nalpha    1\n----------\nb      100');
  });

  it('shrinks only shrinkable columns, to 8 characters, and below that only when nothing can be dropped', () => {
    const rows = [['a-very-long-name-indeed', '1']];
    expect(renderColumns(columns, rows, 15)).toBe('Name          N\na-very-long…  1');
    expect(renderColumns(columns, rows, 12)).toBe('Name       N\na-very-l…  1');
    expect(renderColumns(columns, rows, 3)).toBe('Name  N\na-v…  1');
  });
});
