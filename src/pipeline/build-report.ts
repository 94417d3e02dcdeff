import { addCost, cacheCounts, summarizeCalls } from '../architect/summarize.js';
import type { SavedPlan } from '../architect/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode } from '../errors.js';
import { computeSavings } from '../report/savings.js';
import type { RunReport, StepReport } from '../report/types.js';
import type { StepOutcome } from './outcome.js';

/** Builds the report contract from a plan and what became of its steps. */
export function buildRunReport(plan: SavedPlan, outcomes: StepOutcome[], config: ResolvedConfig, branch?: string): RunReport {
  const steps: StepReport[] = outcomes.map((outcome) => {
    const step = plan.steps[outcome.index];
    const summary = summarizeCalls(outcome.calls);
    const report: StepReport = {
      index: outcome.index,
      title: step.title,
      file: outcome.file,
      status: outcome.status,
      model: summary.model || config.editor.model,
      provider: summary.provider || '',
      promptTokens: summary.promptTokens,
      completionTokens: summary.completionTokens,
      latencyMs: summary.latencyMs,
      costUsd: summary.costUsd,
      ...(summary.usageSource && { usageSource: summary.usageSource }),
      ...cacheCounts([summary]),
      attempts: outcome.attempts,
      commit: outcome.commit,
    };
    if (outcome.reason && outcome.status !== 'applied') report.reason = outcome.reason;
    if (outcome.format) report.format = outcome.format;
    // The pool member that served the step's last call: the one whose answer was (or was not) applied.
    const last = outcome.calls.at(-1);
    if (last?.upstream !== undefined) report.upstream = last.upstream;
    if (last?.gatewayCache !== undefined) report.gatewayCache = last.gatewayCache;
    if (outcome.fallbackCalls.length > 0) report.fallback = { role: 'fallback', ...summarizeCalls(outcome.fallbackCalls) };
    return report;
  });
  const parts = [plan.architect, ...steps, ...steps.flatMap((s) => (s.fallback ? [s.fallback] : []))];
  const totals = {
    promptTokens: parts.reduce((sum, p) => sum + p.promptTokens, 0),
    completionTokens: parts.reduce((sum, p) => sum + p.completionTokens, 0),
    latencyMs: parts.reduce((sum, p) => sum + p.latencyMs, 0),
    costUsd: parts.reduce<number | null>((sum, p) => addCost(sum, p.costUsd), 0),
    ...(parts.some((p) => p.usageSource === 'estimated') && { usageSource: 'estimated' as const }),
    ...cacheCounts(parts),
  };
  // Only work that was done saves anything: the all-cloud price covers applied steps (their retries and
  // fallback share included); the plan call and failed steps' calls still count toward what was spent.
  const editorParts = steps.filter((step) => step.status === 'applied').flatMap((step) => (step.fallback ? [step, step.fallback] : [step]));
  const savings = computeSavings({
    architect: plan.architect,
    editorTokens: {
      promptTokens: editorParts.reduce((sum, p) => sum + p.promptTokens, 0),
      completionTokens: editorParts.reduce((sum, p) => sum + p.completionTokens, 0),
    },
    actualUsd: totals.costUsd,
    architectPricing: config.architect.pricing,
  });
  return {
    plan: { id: plan.id, task: plan.task, summary: plan.summary },
    architect: plan.architect,
    steps,
    totals,
    savings,
    ...(branch ? { branch } : {}),
    ...(plan.versions && plan.versions.length > 1 && { planVersions: plan.versions }),
    ...(totals.usageSource && { usageSource: totals.usageSource }),
  };
}

/** The exit code a finished run earns (DESIGN.md): 4 when the gateway was unreachable, 1 for any failed or blocked step, else 0. */
export function exitCodeFor(outcomes: StepOutcome[]): number {
  if (outcomes.some((o) => o.unreachable)) return ExitCode.unreachable;
  if (outcomes.some((o) => o.status === 'failed' || (o.status === 'skipped' && !o.byChoice))) return ExitCode.failed;
  return ExitCode.ok;
}
