import type { ActivityRecord } from '../activity/types.js';
import { formatTime } from '../report/format.js';
import type { IsLocal } from './locality.js';
import { sumUsage, type UsageSum } from './usage-sum.js';

/** One local calendar day's calls, split into those that ran locally and in the cloud. */
export interface DayUsage {
  /** `YYYY-MM-DD` in local time. */
  day: string;
  local: UsageSum;
  cloud: UsageSum;
}

/** Calls per local day from the first day to the last, days without calls included (so the time axis is even). */
export function usageByDay(records: ActivityRecord[], isLocal: IsLocal): DayUsage[] {
  if (records.length === 0) return [];
  const byDay = new Map<string, ActivityRecord[]>();
  for (const record of records) {
    const day = dayOf(new Date(record.ts));
    const calls = byDay.get(day);
    if (calls) calls.push(record);
    else byDay.set(day, [record]);
  }
  const sorted = [...byDay.keys()].sort();
  return daysBetween(sorted[0], sorted[sorted.length - 1]).map((day) => {
    const calls = byDay.get(day) ?? [];
    return { day, local: sumUsage(calls.filter(isLocal)), cloud: sumUsage(calls.filter((record) => !isLocal(record))) };
  });
}

function dayOf(date: Date): string {
  return formatTime(date).slice(0, 10);
}

function daysBetween(first: string, last: string): string[] {
  const [year, month, day] = first.split('-').map(Number);
  // Noon, so a daylight-saving shift never lands the step on the same or the next-but-one day.
  const cursor = new Date(year, month - 1, day, 12);
  const days: string[] = [];
  for (let current = dayOf(cursor); current <= last; current = dayOf(cursor)) {
    days.push(current);
    cursor.setDate(cursor.getDate() + 1);
  }
  return days;
}
