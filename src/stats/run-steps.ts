import type { ActivityRecord } from '../activity/types.js';
import type { IsLocal } from './locality.js';
import { sumUsage, type UsageSum } from './usage-sum.js';

/** The calls of one step of a run (step null: the architect's planning calls), split into local and cloud. */
export interface StepUsage {
  step: number | null;
  /** `plan`, or the step's 1-based number as in the run table. */
  label: string;
  title: string | null;
  local: UsageSum;
  cloud: UsageSum;
}

/** The run of the newest recorded call, or null for an empty log. */
export function latestRunId(records: ActivityRecord[]): string | null {
  const newest = records.reduce<ActivityRecord | null>((best, record) => (best === null || Date.parse(record.ts) >= Date.parse(best.ts) ? record : best), null);
  return newest?.runId ?? null;
}

/** A run's calls by step: planning first, then steps in order; `titles` names steps by their 0-based index. */
export function usageByStep(runCalls: ActivityRecord[], isLocal: IsLocal, titles: ReadonlyMap<number, string> = new Map()): StepUsage[] {
  runCalls = runCalls.filter((record) => record.kind !== 'warm-up');
  const steps = [...new Set(runCalls.map((record) => record.step))].sort((a, b) => (a === null ? -1 : b === null ? 1 : a - b));
  return steps.map((step) => {
    const calls = runCalls.filter((record) => record.step === step);
    return {
      step,
      label: step === null ? 'plan' : String(step + 1),
      title: step === null ? 'planning' : (titles.get(step) ?? null),
      local: sumUsage(calls.filter(isLocal)),
      cloud: sumUsage(calls.filter((record) => !isLocal(record))),
    };
  });
}
