import type { BenchReport } from '../../bench/result.js';
import type { ActivityRecord } from '../../activity/types.js';
import type { Pricing } from '../../config/types.js';
import { aggregateStats, savingsOf, type StatsSummary } from '../../stats/aggregate.js';
import { usageByDay, type DayUsage } from '../../stats/days.js';
import type { IsLocal } from '../../stats/locality.js';
import { usageByStep, type StepUsage } from '../../stats/run-steps.js';
import { sumUsage, type UsageSum } from '../../stats/usage-sum.js';
import type { RunReport, Savings } from '../types.js';

/** One run as the report shows it. */
export interface RunView {
  id: string;
  planId: string | null;
  task: string | null;
  calls: ActivityRecord[];
  steps: StepUsage[];
  totals: UsageSum;
  savings: Savings;
  /** How the run's steps ended, from its saved report (absent for a run tandem kept no report of). */
  outcome?: StepCounts;
}

/** How many of a run's steps were applied, failed (refused edits included) or skipped. */
export interface StepCounts {
  applied: number;
  failed: number;
  skipped: number;
}

/** Everything the HTML report shows, computed. */
export interface HtmlReportInput {
  generatedAt: Date;
  architectModel: string;
  /** Start of the period of the over-time part (null: all recorded calls). */
  since: Date | null;
  run: RunView | null;
  days: DayUsage[];
  stats: StatsSummary;
  isLocal: IsLocal;
  /** The repository's latest `tandem bench` run, shown as its own section. */
  bench?: BenchReport;
}

/** Where the numbers come from: the whole log, the run to show, the period, and what is known of the run's plan. */
export interface ReportSources {
  records: ActivityRecord[];
  runId: string | null;
  since: Date | null;
  now: Date;
  isLocal: IsLocal;
  architectModel: string;
  architectPricing?: Pricing;
  plan?: { task: string; titles: ReadonlyMap<number, string> };
  /** The run's saved report: its step statuses and its saving over applied steps. */
  report?: Pick<RunReport, 'steps' | 'savings'>;
}

/** Computes the report: the run's steps and saving (the whole run, whatever the period), and the period's days and stats. */
export function buildReportInput(sources: ReportSources): HtmlReportInput {
  const { records, runId, since, isLocal, architectPricing } = sources;
  const period = since ? records.filter((record) => Date.parse(record.ts) >= since.getTime()) : records;
  let run: RunView | null = null;
  if (runId !== null) {
    const calls = records.filter((record) => record.runId === runId);
    const totals = sumUsage(calls);
    run = {
      id: runId,
      planId: calls.find((record) => record.planId !== null)?.planId ?? null,
      task: sources.plan?.task ?? null,
      calls,
      steps: usageByStep(calls, isLocal, sources.plan?.titles),
      totals,
      savings: sources.report?.savings ?? savingsOf(calls, totals, architectPricing),
      ...(sources.report ? { outcome: countSteps(sources.report.steps) } : {}),
    };
  }
  return {
    generatedAt: sources.now,
    architectModel: sources.architectModel,
    since,
    run,
    days: usageByDay(period, isLocal),
    stats: aggregateStats(period, architectPricing),
    isLocal,
  };
}

function countSteps(steps: RunReport['steps']): StepCounts {
  const count = (status: string) => steps.filter((step) => step.status === status).length;
  return { applied: count('applied'), failed: count('failed'), skipped: count('skipped') };
}
