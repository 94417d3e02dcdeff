import { describe, expect, test } from 'vitest';
import { TandemError } from '../../src/errors.js';
import { parseSince } from '../../src/stats/period.js';

const NOW = new Date('2025-03-08T12:00:00.000Z');

describe('parseSince', () => {
  test.each([
    ['7d', '2025-03-01T12:00:00.000Z'],
    ['24h', '2025-03-07T12:00:00.000Z'],
    ['30m', '2025-03-08T11:30:00.000Z'],
    ['2w', '2025-02-22T12:00:00.000Z'],
    [' 1D ', '2025-03-07T12:00:00.000Z'],
    ['0h', '2025-03-08T12:00:00.000Z'],
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T10:30:00Z', '2025-03-01T10:30:00.000Z'],
    ['2025-03-01T10:30:00.250+02:00', '2025-03-01T08:30:00.250Z'],
    ['2025-03-01 10:30Z', '2025-03-01T10:30:00.000Z'],
  ])('%j starts at %s', (value, want) => {
    expect(parseSince(value, NOW).toISOString()).toBe(want);
  });

  test.each(['', '7', 'd', '7x', '-7d', '1.5h', 'yesterday', 'March 1', '2025-13-01', '2025-3-1', '2025-03-01T25:00Z'])('%j is a usage error', (value) => {
    let error: unknown;
    try {
      parseSince(value, NOW);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).exitCode).toBe(2);
    expect((error as TandemError).message).toBe(`invalid --since "${value}"`);
  });
});
