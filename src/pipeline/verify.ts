import { savePlan } from '../architect/plan-store.js';
import { addCost, cacheCounts, summarizeCalls } from '../architect/summarize.js';
import type { CallSummary, PlanStep, SavedPlan } from '../architect/types.js';
import { runCheck } from './check.js';
import { requestFixPlan } from './fix-up.js';
import { ExitCode, signalExitCode, type TandemError } from '../errors.js';
import type { CheckReport, RoundReport, RunReport } from '../report/types.js';
import { applyStage } from './apply-stage.js';
import { exitCodeFor } from './build-report.js';
import type { RunContext } from './context.js';
import type { Emit } from './events.js';
import type { StepOutcome } from './outcome.js';
import type { StepCommitter } from '../workspace/step-commit.js';
import type { TargetPermissions } from '../workspace/target-policy.js';
import { refusedTargets } from './targets.js';
import type { Decisions } from './decisions.js';

/** `--check`, `--check-each` and `--fix-rounds`. */
export interface VerifySettings {
  command: string;
  checkEach: boolean;
  /** Fix-up rounds allowed after the first plan's round (default 2). */
  fixRounds: number;
}

/** What the rounds need: the approved plan and selection, how to apply, and whether the run was halted (budget). */
export interface RoundsInput {
  plan: SavedPlan;
  branch: string;
  selected: number[];
  concurrency: number;
  dirtyFiles: Set<string>;
  decisions: Decisions;
  verify?: VerifySettings;
  halted: () => string | undefined;
  committer: StepCommitter;
  /** What steps may target; checked again for every round's steps, fix-ups included. */
  permissions: TargetPermissions;
  done?: Map<number, string>;
}

/** Every step's outcome over all rounds, the plan grown by the fix-up steps, and the rounds as the report shows them. */
export interface RoundsResult {
  plan: SavedPlan;
  outcomes: StepOutcome[];
  rounds: RoundReport[];
  /** Per-step checks (`--check-each`), by step index. */
  stepChecks: Map<number, CheckReport>;
  passedRound: number | null;
  /** An error that ended the fix-up loop (unreachable gateway, unusable fix-up plan), for the exit code. */
  error?: TandemError;
}

/**
 * Applies the approved steps, then, with a check, runs it; while it fails and fix-up rounds are left, asks
 * the architect for more steps (its plan appended to the same plan, on the same branch) and applies them.
 * With `--check-each` the check also runs after every committed step; a step whose check fails is kept,
 * because a multi-step change often passes only once its later steps land.
 */
export async function applyRounds(ctx: RunContext, input: RoundsInput, emit: Emit): Promise<RoundsResult> {
  let plan = input.plan;
  const result: RoundsResult = { plan, outcomes: [], rounds: [], stepChecks: new Map(), passedRound: null };
  const verify = input.verify;
  let lastCheck: { head: string | null; check: CheckReport } | undefined;
  const check = async (round: number, step?: number): Promise<CheckReport> => {
    const head = await ctx.workspace.head();
    // After --check-each has checked the last step, the round's check would run on the same commit again.
    if (step === undefined && lastCheck?.head === head) return lastCheck.check;
    emit({ type: 'check-start', round, command: verify!.command, step });
    const report = await runCheck(verify!.command, { cwd: ctx.root, signal: ctx.signal });
    lastCheck = { head, check: report };
    emit({ type: 'check-result', round, check: report, step });
    return report;
  };

  let selected = input.selected;
  let from = 0;
  let architect = plan.architect;
  let summary = plan.summary;
  for (let round = 1; ; round++) {
    const kind = round === 1 ? 'plan' : 'fix';
    emit({ type: 'round-start', round, kind, steps: selected });
    // The plan has grown: front ends learn its new steps as for any apply.
    if (kind === 'fix') emit({ type: 'apply-start', plan, branch: input.branch, steps: selected });
    const afterApply = verify?.checkEach ? async (index: number) => void result.stepChecks.set(index, await check(round, index)) : undefined;
    const options = { selected: new Set(selected), from, concurrency: input.concurrency, dirtyFiles: input.dirtyFiles, halted: input.halted, afterApply, committer: input.committer, refused: refusedTargets(ctx.root, plan.steps, input.permissions), done: input.done };
    const outcomes = await applyStage(ctx, plan, options, emit);
    result.outcomes.push(...outcomes);
    const entry: RoundReport = { round, kind, summary, steps: outcomes.map((o) => o.index), architect };
    result.rounds.push(entry);
    if (!verify) break;
    const stopped = input.halted() ?? (ctx.signal?.aborted ? 'interrupted' : undefined);
    if (stopped) {
      entry.note = `check not run: ${stopped}`;
      break;
    }
    entry.check = await check(round);
    if (entry.check.passed) {
      result.passedRound = round;
      break;
    }
    if (round > verify.fixRounds) {
      entry.note = verify.fixRounds === 0 ? 'no fix-up rounds allowed (--fix-rounds 0)' : `no fix-up rounds left (--fix-rounds ${verify.fixRounds})`;
      break;
    }
    if (ctx.signal?.aborted) {
      entry.note = 'interrupted';
      break;
    }
    const firstFailed = [...result.stepChecks].filter(([, c]) => !c.passed).map(([i]) => i).sort((a, b) => a - b)[0];
    const facts = {
      task: plan.task,
      round,
      check: entry.check,
      steps: result.outcomes.map((o) => ({ title: plan.steps[o.index].title, file: o.file, status: o.status, reason: o.reason })),
      firstFailedStep: firstFailed,
    };
    const answer = await requestFixPlan(ctx, plan, facts, result.outcomes, emit);
    architect = summarizeCalls(answer.calls);
    plan = { ...plan, architect: sumCalls(plan.architect, architect) };
    // A fix-up that yields no steps is still a round: its architect calls were made and are reported.
    const empty = (note: string): RoundReport => ({ round: round + 1, kind: 'fix', summary: '', steps: [], architect, note });
    if (!answer.ok) {
      result.rounds.push(empty(`no fix-up plan: ${answer.error.message}`));
      result.error = answer.error;
      break;
    }
    from = plan.steps.length;
    const approval = await input.decisions.approvePlan({ ...plan, summary: answer.plan.summary, steps: answer.plan.steps });
    if (approval.selected.length === 0) {
      result.rounds.push({ ...empty('the fix-up plan was not approved'), summary: answer.plan.summary });
      break;
    }
    const added = approval.plan.steps.map((step): PlanStep => ({ ...step, depends_on: step.depends_on.map((d) => d + from) }));
    plan = { ...plan, steps: [...plan.steps, ...added] };
    await savePlan(ctx.root, plan);
    selected = approval.selected.map((i) => i + from);
    summary = answer.plan.summary;
  }
  result.plan = plan;
  return result;
}

/** Two call summaries as one (the plan's architect cost grows with each fix-up round). */
export function sumCalls(a: CallSummary, b: CallSummary): CallSummary {
  if (b.promptTokens + b.completionTokens === 0 && b.costUsd === 0 && !b.model) return a;
  return {
    model: b.model || a.model,
    provider: b.provider || a.provider,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    latencyMs: a.latencyMs + b.latencyMs,
    costUsd: addCost(a.costUsd, b.costUsd),
    ...((a.usageSource ?? b.usageSource) && { usageSource: 'estimated' as const }),
    ...cacheCounts([a, b]),
  };
}

/** The report with the verification added: the check's outcome, every round, and each step's own check. */
export function withRounds(report: RunReport, result: RoundsResult, verify: VerifySettings | undefined): RunReport {
  if (!verify) return report;
  const steps = report.steps.map((step) => {
    const check = result.stepChecks.get(step.index);
    return check ? { ...step, check } : step;
  });
  const check = { command: verify.command, passed: result.passedRound !== null, passedRound: result.passedRound, checkEach: verify.checkEach };
  return { ...report, steps, check, rounds: result.rounds };
}

/**
 * The exit code of a run with rounds: stopped by a signal 130 / 143 / 129, unreachable 4, over budget 3, then 1 for a failed
 * step, a check that never passed or a fix-up that could not be planned, else 0.
 */
export function roundsExitCode(result: RoundsResult, options: { aborted: boolean; budgetStopped: boolean; verify: boolean; signal?: unknown }): number {
  if (options.aborted) return signalExitCode(options.signal);
  const steps = exitCodeFor(result.outcomes);
  if (steps === ExitCode.unreachable || result.error?.exitCode === ExitCode.unreachable) return ExitCode.unreachable;
  if (options.budgetStopped) return ExitCode.budget;
  if (steps !== ExitCode.ok) return steps;
  if (options.verify && result.passedRound === null) return ExitCode.failed;
  return result.error?.exitCode ?? ExitCode.ok;
}
