import type { CallSummary } from '../architect/types.js';

export type StepStatus = 'applied' | 'failed' | 'skipped';

/** One row of the report contract's `steps`: the editor's calls of the step (retries included) summed; the fallback's share is kept apart in `fallback`. */
export interface StepReport extends CallSummary {
  index: number;
  title: string;
  file: string;
  status: StepStatus;
  attempts: number;
  commit: string | null;
  /** Why it failed or was skipped (not part of the contract's required fields). */
  reason?: string;
  /** The format of the editor's answer that applied the step: search-replace, udiff or whole. */
  format?: 'search-replace' | 'udiff' | 'whole';
  /** The pool member that served the step's last editor call, as the gateway named it. */
  upstream?: string;
  /** Whether the gateway's cache answered that call, when the gateway says. */
  gatewayCache?: 'hit' | 'miss';
  /** The fallback role's share, shown as its own table row. */
  fallback?: CallSummary & { role: 'fallback' };
  /** The check run right after this step was committed (`--check-each`). */
  check?: CheckReport;
}

/** The whole run's sums: a call summary without a model of its own. */
export type Totals = Omit<CallSummary, 'model' | 'provider'>;

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
  /** Extra: a revised plan's versions (the first plan, then each revision) with their own architect calls; `architect` is their sum. */
  planVersions?: Array<{ id: string; architect: CallSummary }>;
  /** "estimated" when some figures are tandem's own count: the gateway sent no usage for some call. */
  usageSource?: 'estimated';
  /**
   * Extra, outside the base contract: what this run sent to cloud and to local models (the plan's
   * architect calls included), from .tandem/egress.jsonl; see reportEgress in src/privacy/egress-summary.ts.
   */
  egress?: { cloudBytes: number; cloudTokens: number; localBytes: number; localTokens: number; redactions: number };
  /** With `--check`: the verification command and whether (and in which round) it passed. */
  check?: { command: string; passed: boolean; passedRound: number | null; checkEach: boolean };
  /** With `--check`: every plan round (the first plan, then each fix-up) and its check. */
  rounds?: RoundReport[];
  /** With `--max-cost` or `--max-tokens`: the limits, what was spent, and what stopped the run. */
  budget?: BudgetReport;
}

/** One run of the check command. */
export interface CheckReport {
  command: string;
  exitCode: number | null;
  passed: boolean;
  /** Output trimmed to its head and tail, secrets redacted. */
  output: string;
  durationMs: number;
  /** The whole output, unredacted, in a local file: its path relative to the repository (`.tandem/checks/…`). */
  log?: string;
}

/** One plan round: the steps it added (indexes into `steps`), the architect calls that planned it, and its check. */
export interface RoundReport {
  round: number;
  kind: 'plan' | 'fix';
  summary: string;
  steps: number[];
  architect: CallSummary;
  check?: CheckReport;
  /** Why the round ended early or no further round followed (budget, unusable fix-up plan, interrupted). */
  note?: string;
}

/** The budget of a run and what stopped it. */
export interface BudgetReport {
  maxCostUsd?: number;
  maxTokens?: number;
  spentUsd: number;
  spentTokens: number;
  /** True when some call's cost was unknown: `spentUsd` counts only the known ones. */
  spentUsdPartial: boolean;
  /** "estimated" when the spending includes calls counted locally (the gateway sent no usage). */
  usageSource?: 'estimated';
  stopped: { limit: 'cost' | 'tokens'; when: 'before-call' | 'after-call'; message: string } | null;
}
