import { savePlan } from '../architect/plan-store.js';
import type { SavedPlan } from '../architect/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode, TandemError, usageError } from '../errors.js';
import { createModelClient } from '../gateway/openai-client.js';
import type { Workspace } from '../workspace/git.js';
import { Budget, budgetReport, guardClient, type BudgetLimits } from './budget.js';
import { withChannel } from './channel.js';
import { resolveConcurrency, type Concurrency } from './concurrency.js';
import { checkTouchedFiles } from './dirty-check.js';
import { committedSteps } from './resume.js';
import { createRunContext, type ClientFactory, type RunContext } from './context.js';
import type { Emit, PipelineEvent } from './events.js';
import type { Decisions } from './decisions.js';
import { planStage } from './plan-stage.js';
import { startWarmUp, type WarmUp } from './warm-up.js';
import type { VerifySettings } from './verify.js';

export { approveAll, type Decisions, type PlanApproval } from './decisions.js';

/** Inputs shared by plan, apply and run. */
export interface PipelineInput {
  workspace: Workspace;
  config: ResolvedConfig;
  signal?: AbortSignal;
  clientFactory?: ClientFactory;
  /** `--max-cost` / `--max-tokens`: every model call is admitted on its estimate first. */
  budget?: BudgetLimits;
}

/** What an apply needs beyond the plan. */
export interface ApplySettings {
  /** Editor calls at once; `auto` sizes it from the editor pool and the plan. */
  concurrency: Concurrency;
  allowDirty: boolean;
  inPlace: boolean;
  branch?: string;
  decisions: Decisions;
  /** `--check`: verify after the steps and plan fix-up rounds while it fails. */
  verify?: VerifySettings;
  /** `--allow-config-edits`: steps may change tandem.config.json, .tandemignore, .gitmodules. */
  allowConfigEdits?: boolean;
  /** `--allow-ci-edits`: unattended steps may change CI and hook definitions. */
  allowCiEdits?: boolean;
  /** `--ci` / `--yes`: nobody reviews the plan (CI and hook definitions are then protected). */
  unattended?: boolean;
  /** `git.verify` / `--verify-hooks`: commit through `git commit` so the repository's hooks run. */
  verifyHooks?: boolean;
}

/** `tandem plan`: the architect call and the saved plan, as events. */
export function planPipeline(input: PipelineInput & { task: string; files: string[] }): AsyncGenerator<PipelineEvent> {
  return withChannel<PipelineEvent>(async (emit) => {
    const { ctx } = context(input, emit);
    try {
      await planStage(ctx, input, emit);
    } finally {
      await ctx.recorder.flush();
    }
  });
}

/** `tandem apply`: run a saved plan's steps and commit them, as events ending with `done`. */
export function applyPipeline(input: PipelineInput & ApplySettings & { plan: SavedPlan }): AsyncGenerator<PipelineEvent> {
  return withChannel<PipelineEvent>(async (emit) => {
    const { ctx, budget } = context(input, emit);
    try {
      await applyWith(ctx, input.plan, input, emit, budget);
    } finally {
      await ctx.recorder.flush();
    }
  });
}

/** `tandem run`: plan, approve, apply in one go. */
export function runPipeline(input: PipelineInput & ApplySettings & { task: string; files: string[] }): AsyncGenerator<PipelineEvent> {
  return withChannel<PipelineEvent>(async (emit) => {
    const { ctx, budget } = context(input, emit);
    let warm: WarmUp | undefined;
    try {
      // A file named with --file that holds uncommitted work would block the run after the paid plan call: say so first.
      await checkTouchedFiles(ctx.workspace, input.files, input.allowDirty);
      // Injected clients (tests, front ends) are not real models to load.
      if (!input.clientFactory) warm = startWarmUp(ctx, emit);
      const plan = await planStage(ctx, input, emit);
      await applyWith(ctx, plan, input, emit, budget);
    } finally {
      warm?.stop();
      await ctx.recorder.flush();
    }
  });
}

function context(input: PipelineInput, emit: Emit): { ctx: RunContext; budget?: Budget } {
  const limits = input.budget;
  if (limits?.maxCostUsd === undefined && limits?.maxTokens === undefined) {
    return { ctx: createRunContext({ workspace: input.workspace, config: input.config, emit, signal: input.signal, clientFactory: input.clientFactory }) };
  }
  const budget = new Budget(limits, (stop) => emit({ type: 'budget-stop', stop }));
  const base: ClientFactory = input.clientFactory ?? ((role, onCall) => createModelClient(role, { onCall }));
  const clientFactory: ClientFactory = (role, onCall) =>
    guardClient(
      base(role, (call) => {
        onCall(call);
        budget.record(call);
      }),
      role,
      budget,
    );
  return { ctx: createRunContext({ workspace: input.workspace, config: input.config, emit, signal: input.signal, clientFactory }), budget };
}

async function applyWith(ctx: RunContext, plan: SavedPlan, settings: ApplySettings, emit: Emit, budget?: Budget): Promise<void> {
  // The editor engine, the committer and the report builders load only once there is a plan to apply,
  // so `plan` and the architect's request of `run` never wait for them.
  const [{ applyRounds, roundsExitCode, withRounds }, { buildRunReport }, { openStepCommitter }, { readEgress }, { withEgress }] = await Promise.all([
    import('./verify.js'),
    import('./build-report.js'),
    import('../workspace/step-commit.js'),
    import('../privacy/egress-ledger.js'),
    import('../privacy/egress-summary.js'),
  ]);
  // Plan validation, before anything is created: the user's work in the plan's way, and targets it may not write.
  const dirty = await checkTouchedFiles(ctx.workspace, plan.steps.map((step) => step.file), settings.allowDirty);
  const permissions = { allowConfigEdits: Boolean(settings.allowConfigEdits), allowCiEdits: Boolean(settings.allowCiEdits), unattended: Boolean(settings.unattended) };
  const approval = await settings.decisions.approvePlan(plan);
  const selected = approval.selected;
  if (approval.plan !== plan) {
    plan = approval.plan;
    await savePlan(ctx.root, plan);
  }
  if (selected.length === 0) throw new TandemError('no steps approved; nothing was applied', { exitCode: ExitCode.failed });
  const { branch, done } = await resumeOrCreateBranch(ctx.workspace, plan, settings);
  if (done.size > 0) {
    const left = selected.filter((index) => !done.has(index)).length;
    emit({ type: 'notice', level: 'info', message: `resuming plan ${plan.id} on ${branch}: ${done.size} ${done.size === 1 ? 'step' : 'steps'} already committed, ${left} left` });
  }
  emit({ type: 'apply-start', plan, branch, steps: selected });
  const committer = await openStepCommitter(ctx.root, { branch, verifyHooks: settings.verifyHooks });
  let rounds;
  try {
    rounds = await applyRounds(
      ctx,
      { plan, branch, selected, concurrency: resolveConcurrency(settings.concurrency, ctx.config.editor, plan.steps, selected), dirtyFiles: dirty, decisions: settings.decisions, verify: settings.verify, halted: () => budget?.stop?.message, committer, permissions, done },
      emit,
    );
  } finally {
    await committer.close();
  }
  let report = withRounds(buildRunReport(rounds.plan, rounds.outcomes, ctx.config, branch), rounds, settings.verify);
  report = withEgress(report, await readEgress(ctx.root), { runId: ctx.runId, planId: rounds.plan.id });
  if (budget) report = { ...report, budget: budgetReport(budget) };
  const exitCode = roundsExitCode(rounds, { aborted: Boolean(ctx.signal?.aborted), budgetStopped: Boolean(budget?.stop), verify: Boolean(settings.verify), signal: ctx.signal?.reason });
  emit({ type: 'done', report, exitCode });
}

/**
 * The branch the steps go on. A plan whose branch exists is resumed: the steps already committed there
 * (found by their trailers) are not run again, and the branch is checked out if it is not already.
 * `--in-place` resumes on the current branch the same way. A `--branch` that exists must hold this plan's commits.
 */
async function resumeOrCreateBranch(workspace: Workspace, plan: SavedPlan, settings: ApplySettings): Promise<{ branch: string; done: Map<number, string> }> {
  if (settings.inPlace) {
    const branch = await workspace.currentBranch();
    if (branch === 'HEAD') throw usageError('--in-place needs a branch, but HEAD is detached', 'check out a branch first (git switch <branch>), or leave out --in-place');
    return { branch, done: await committedSteps(workspace, 'HEAD', plan.id) };
  }
  const branch = settings.branch ?? `tandem/${plan.id}`;
  if (!(await workspace.branchExists(branch))) {
    await workspace.createBranch(branch);
    return { branch, done: new Map() };
  }
  const done = await committedSteps(workspace, branch, plan.id);
  if (settings.branch && done.size === 0) {
    throw usageError(`branch ${branch} already exists and holds no step of plan ${plan.id}`, 'pass another --branch <name>, or delete that branch first');
  }
  if ((await workspace.currentBranch()) !== branch) await workspace.switchTo(branch);
  return { branch, done };
}
