/** How one task went one way. */
export interface BenchWayResult {
  /** The task's test passed after the run. */
  passed: boolean;
  costUsd: number | null;
  tokens: number;
  /** Wall time of the run (plan and steps), in seconds. */
  seconds: number;
  stepsApplied: number;
  stepsRefused: number;
  /** Why the run stopped early, when it did. */
  error?: string;
}

/** The sums of one way over all tasks; `passed` counts the tasks that passed. */
export interface BenchWayTotals {
  passed: number;
  tasks: number;
  costUsd: number | null;
  tokens: number;
  seconds: number;
  stepsApplied: number;
  stepsRefused: number;
}

/** `tandem bench --json`. */
export interface BenchReport {
  simulated: boolean;
  architectModel: string;
  editorModel: string;
  tasks: Array<{ id: string; language: string; split: BenchWayResult; cloud: BenchWayResult }>;
  totals: { split: BenchWayTotals; cloud: BenchWayTotals; savedUsd: number | null; savedPct: number | null };
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

function sum(results: BenchWayResult[]): BenchWayTotals {
  const costs = results.map((r) => r.costUsd);
  return {
    passed: results.filter((r) => r.passed).length,
    tasks: results.length,
    costUsd: costs.some((c) => c === null) ? null : round(costs.reduce<number>((a, c) => a + (c ?? 0), 0), 6),
    tokens: results.reduce((a, r) => a + r.tokens, 0),
    seconds: round(results.reduce((a, r) => a + r.seconds, 0), 1),
    stepsApplied: results.reduce((a, r) => a + r.stepsApplied, 0),
    stepsRefused: results.reduce((a, r) => a + r.stepsRefused, 0),
  };
}

/** Totals of both ways and the saving of the split against all-cloud (null when a cost is unknown or all-cloud cost nothing). */
export function benchTotals(tasks: BenchReport['tasks']): BenchReport['totals'] {
  const split = sum(tasks.map((t) => t.split));
  const cloud = sum(tasks.map((t) => t.cloud));
  const known = split.costUsd !== null && cloud.costUsd !== null && cloud.costUsd > 0;
  return {
    split,
    cloud,
    savedUsd: known ? round(cloud.costUsd! - split.costUsd!, 6) : null,
    savedPct: known ? round(((cloud.costUsd! - split.costUsd!) / cloud.costUsd!) * 100, 1) : null,
  };
}
