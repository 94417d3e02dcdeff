import { formatCostSum, formatLatency } from '../report/format.js';
import { sumCosts } from '../report/savings.js';
import type { RunState, StepView } from './run-state.js';

/** Tokens per second of a step: live from the stream while it runs, from the finished calls after. */
export function tokensPerSecond(step: StepView): number | null {
  if (step.status === 'running' && step.chunks > 0 && step.streamMs > 0) return step.chunks / (step.streamMs / 1000);
  if (step.completionTokens > 0 && step.latencyMs > 0) return step.completionTokens / (step.latencyMs / 1000);
  return null;
}

/** "42 tok/s", or "- tok/s" before anything streamed. */
export function formatRate(rate: number | null): string {
  return rate === null ? '- tok/s' : `${Math.round(rate)} tok/s`;
}

/** Wall time of a step so far (or in all, once it finished). */
export function stepElapsed(step: StepView, now: number): string {
  if (step.startedAt === undefined) return '-';
  return formatLatency(Math.max((step.finishedAt ?? now) - step.startedAt, 0));
}

/** What a step's calls have cost so far: "$0.0000", a lower bound "≥$0.0012", or "?" when unknown. */
export function stepCost(step: StepView): string {
  return step.costs.length === 0 ? '-' : formatCostSum(sumCosts(step.costs));
}

/** What the whole run has cost so far, the architect's calls included. */
export function runCost(state: RunState): string {
  return formatCostSum(sumCosts([...state.architect.costs, ...state.steps.flatMap((step) => step.costs)]));
}

/** "2 of 3 applied, 1 failed" over the steps the run has settled. */
export function runProgress(state: RunState): string {
  const count = (status: StepView['status']) => state.steps.filter((step) => step.status === status).length;
  const active = state.steps.filter((step) => !(step.status === 'skipped' && step.reason === 'left out of this run'));
  const parts = [`${count('applied')} of ${active.length} applied`];
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return parts.join(', ');
}
