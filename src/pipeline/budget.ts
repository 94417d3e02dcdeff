import type { ResolvedRole } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { costFromPricing } from '../gateway/cost.js';
import type { CallRecord, ModelClient, ModelRequest } from '../gateway/types.js';
import { formatInt, formatUsd } from '../report/format.js';
import type { BudgetReport } from '../report/types.js';
import { countMessages } from '../tokens/count.js';

/** Limits of one run (`--max-cost`, `--max-tokens`); an absent limit is no limit. */
export interface BudgetLimits {
  maxCostUsd?: number;
  maxTokens?: number;
}

/** Which limit stopped a run. */
export type BudgetLimit = 'cost' | 'tokens';

/** Why and when a budget stopped the run: before a call whose estimate would go over, or right after one that went over. */
export interface BudgetStop {
  limit: BudgetLimit;
  when: 'before-call' | 'after-call';
  max: number;
  /** Spent when it stopped (USD or tokens, per `limit`). */
  spent: number;
  message: string;
}

/** A call refused by the budget; exit 3. */
export class BudgetError extends TandemError {
  constructor(readonly stop: BudgetStop) {
    super(stop.message, { exitCode: ExitCode.budget });
    this.name = 'BudgetError';
  }
}

/** What one call may cost at most: its prompt plus the most it may answer. */
export interface CallEstimate {
  tokens: number;
  /** null when the role has no price, so only a cost the gateway reports afterwards can count. */
  costUsd: number | null;
}

/** The answer allowance assumed for a request that sets no `maxTokens`. */
export const DEFAULT_OUTPUT_ALLOWANCE = 4096;

/** Estimates a call before it is made: counted prompt tokens plus the answer allowance, priced at the role's rates. */
export async function estimateCall(role: Pick<ResolvedRole, 'pricing'>, request: Pick<ModelRequest, 'messages' | 'maxTokens'>): Promise<CallEstimate> {
  const prompt = await countMessages(request.messages);
  const output = request.maxTokens ?? DEFAULT_OUTPUT_ALLOWANCE;
  return { tokens: prompt + output, costUsd: role.pricing ? costFromPricing(role.pricing, prompt, output) : null };
}

/**
 * Spending of one run against its limits. Calls are admitted on their estimate (estimates of calls in
 * flight stay reserved, so overlapping editor calls cannot jointly overshoot), and every finished call is
 * recorded at what it really cost. Once stopped, every further call is refused.
 */
export class Budget {
  spentTokens = 0;
  spentUsd = 0;
  /** Set when some call's cost was unknown: `spentUsd` then counts only the known ones. */
  unknownCost = false;
  /** Set when some call was counted locally, the gateway having sent no usage. */
  estimated = false;
  stop?: BudgetStop;
  private reservedTokens = 0;
  private reservedUsd = 0;

  constructor(
    readonly limits: BudgetLimits,
    private readonly onStop: (stop: BudgetStop) => void = () => {},
  ) {}

  /** True when some limit is set: only then does a call's estimate decide anything, and need counting. */
  get limited(): boolean {
    return this.limits.maxTokens !== undefined || this.limits.maxCostUsd !== undefined;
  }

  /** Reserves a call's estimate, or throws BudgetError when it would go over a limit; returns the release. */
  admit(estimate: CallEstimate, what: string): () => void {
    if (this.stop) throw new BudgetError(this.stop);
    const { maxTokens, maxCostUsd } = this.limits;
    const tokens = this.spentTokens + this.reservedTokens + estimate.tokens;
    if (maxTokens !== undefined && tokens > maxTokens) {
      this.halt({ limit: 'tokens', when: 'before-call', max: maxTokens, spent: this.spentTokens }, `the ${what} (up to ${formatInt(estimate.tokens)} tokens)`);
    }
    const cost = estimate.costUsd === null ? null : this.spentUsd + this.reservedUsd + estimate.costUsd;
    if (maxCostUsd !== undefined && cost !== null && cost > maxCostUsd) {
      this.halt({ limit: 'cost', when: 'before-call', max: maxCostUsd, spent: this.spentUsd }, `the ${what} (up to ${formatUsd(estimate.costUsd)})`);
    }
    this.reservedTokens += estimate.tokens;
    this.reservedUsd += estimate.costUsd ?? 0;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reservedTokens -= estimate.tokens;
      this.reservedUsd -= estimate.costUsd ?? 0;
    };
  }

  /** Counts one finished call attempt (failed ones included: a gateway may bill them); stops the run when it went over. */
  record(call: Pick<CallRecord, 'promptTokens' | 'completionTokens' | 'costUsd' | 'usageSource' | 'meta'>): void {
    // A warm-up only loads the local editor's model: a dozen free tokens outside the run's work.
    if (call.meta?.kind === 'warm-up') return;
    this.spentTokens += call.promptTokens + call.completionTokens;
    if (call.usageSource === 'estimated') this.estimated = true;
    if (call.costUsd !== null) this.spentUsd = Math.round((this.spentUsd + call.costUsd) * 1e10) / 1e10;
    else if (call.promptTokens + call.completionTokens > 0) this.unknownCost = true;
    if (this.stop) return;
    const { maxTokens, maxCostUsd } = this.limits;
    const what = call.usageSource === 'estimated' ? 'the last call (counted by tandem: the gateway sent no usage)' : 'the last call';
    if (maxTokens !== undefined && this.spentTokens > maxTokens) {
      this.setStop({ limit: 'tokens', when: 'after-call', max: maxTokens, spent: this.spentTokens }, what);
    } else if (maxCostUsd !== undefined && this.spentUsd > maxCostUsd) {
      this.setStop({ limit: 'cost', when: 'after-call', max: maxCostUsd, spent: this.spentUsd }, what);
    }
  }

  private halt(stop: Omit<BudgetStop, 'message'>, what: string): never {
    throw new BudgetError(this.setStop(stop, what));
  }

  private setStop(stop: Omit<BudgetStop, 'message'>, what: string): BudgetStop {
    const show = stop.limit === 'cost' ? formatUsd : (n: number) => `${formatInt(n)} tokens`;
    const flag = stop.limit === 'cost' ? `--max-cost ${formatUsd(stop.max)}` : `--max-tokens ${formatInt(stop.max)}`;
    const message =
      stop.when === 'before-call'
        ? `budget reached (${flag}): ${what} would go over it, with ${show(stop.spent)} spent`
        : `budget exceeded (${flag}): ${what} brought the run to ${show(stop.spent)}`;
    this.stop = { ...stop, message };
    this.onStop(this.stop);
    return this.stop;
  }
}

// What a call is admitted at when no limit is set: nothing to hold it against, so nothing to count.
const UNCOUNTED: CallEstimate = { tokens: 0, costUsd: 0 };

/**
 * Wraps a role's client so every call is admitted by the budget first; the recorder's `onCall` does the
 * counting. The prompt is counted exactly (loading the tokenizer) only when a limit is set.
 */
export function guardClient(client: ModelClient, role: Pick<ResolvedRole, 'pricing'>, budget: Budget): ModelClient {
  return {
    role: client.role,
    model: client.model,
    async complete(request) {
      if (request.meta?.kind === 'warm-up') return client.complete(request);
      const estimate = budget.limited ? await estimateCall(role, request) : UNCOUNTED;
      const release = budget.admit(estimate, `${client.role} call`);
      try {
        return await client.complete(request);
      } finally {
        release();
      }
    },
  };
}

/** The budget as the report shows it. */
export function budgetReport(budget: Budget): BudgetReport {
  const stop = budget.stop;
  return {
    ...budget.limits,
    spentUsd: budget.spentUsd,
    spentTokens: budget.spentTokens,
    spentUsdPartial: budget.unknownCost,
    ...(budget.estimated && { usageSource: 'estimated' as const }),
    stopped: stop ? { limit: stop.limit, when: stop.when, message: stop.message } : null,
  };
}
