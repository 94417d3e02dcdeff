import type { CallSummary } from '../architect/types.js';

export type StepStatus = 'applied' | 'failed' | 'skipped';

/** One row of the report contract's `steps`: the editor's calls of the step (retries included) summed; the fallback's share is kept apart in `fallback`. */
export interface StepReport {
  index: number;
  title: string;
  file: string;
  status: StepStatus;
  model: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  costUsd: number | null;
  attempts: number;
  commit: string | null;
  /** Why it failed or was skipped (not part of the contract's required fields). */
  reason?: string;
  /** The fallback role's share, shown as its own table row. */
  fallback?: CallSummary & { role: 'fallback' };
}

export interface Totals {
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  costUsd: number | null;
}

export interface Savings {
  actualUsd: number | null;
  allCloudUsd: number | null;
  savedUsd: number | null;
  savedPct: number | null;
}

/** The `--json` report (DESIGN.md report contract). */
export interface RunReport {
  plan: { id: string; task: string; summary: string };
  architect: CallSummary;
  steps: StepReport[];
  totals: Totals;
  savings: Savings;
  /** Extra, outside the base contract: where the commits went. */
  branch?: string;
}
