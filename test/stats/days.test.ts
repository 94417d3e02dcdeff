import { describe, expect, test } from 'vitest';
import { usageByDay } from '../../src/stats/days.js';
import { call } from './records.js';

// Local times, so the days are the same in every time zone the tests run in.
const at = (day: number, hour: number) => new Date(2025, 2, day, hour).toISOString();
const isLocal = (record: { role: string }) => record.role !== 'architect';

describe('usageByDay', () => {
  test('splits each local day into cloud and local calls, and fills the days between with zeros', () => {
    const days = usageByDay(
      [
        call({ ts: at(1, 9), role: 'architect', promptTokens: 1000, completionTokens: 200, costUsd: 0.006 }),
        call({ ts: at(1, 23), promptTokens: 500, completionTokens: 100 }),
        call({ ts: at(4, 0), promptTokens: 700, completionTokens: 50 }),
        call({ ts: at(4, 1), role: 'architect', costUsd: null, costSource: 'unknown' }),
      ],
      isLocal,
    );
    expect(days.map((day) => [day.day, day.cloud.calls, day.cloud.promptTokens + day.cloud.completionTokens, day.cloud.cost, day.local.calls, day.local.promptTokens])).toEqual([
      ['2025-03-01', 1, 1200, { usd: 0.006, partial: false }, 1, 500],
      ['2025-03-02', 0, 0, { usd: 0, partial: false }, 0, 0],
      ['2025-03-03', 0, 0, { usd: 0, partial: false }, 0, 0],
      ['2025-03-04', 1, 0, null, 1, 700],
    ]);
  });

  test('across a month end and a daylight-saving change, one entry per day', () => {
    const days = usageByDay([call({ ts: at(28, 12) }), call({ ts: new Date(2025, 3, 2, 12).toISOString() })], isLocal);
    expect(days.map((day) => day.day)).toEqual(['2025-03-28', '2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01', '2025-04-02']);
  });

  test('no calls, no days', () => {
    expect(usageByDay([], isLocal)).toEqual([]);
  });
});
