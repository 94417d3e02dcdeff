import { savePlan } from '../architect/plan-store.js';
import type { SavedPlan } from '../architect/types.js';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode, TandemError, usageError } from '../errors.js';
import { createModelClient } from '../gateway/openai-client.js';
import type { Workspace } from '../workspace/git.js';
import { Budget, budgetReport, guardClient, type BudgetLimits } from './budget.js';
import { readEgress } from '../privacy/egress-ledger.js';
import { withEgress } from '../privacy/egress-summary.js';
import { buildRunReport } from './build-report.js';
import { withChannel } from './channel.js';
import { resolveConcurrency, type Concurrency } from './concurrency.js';
import { createRunContext, type ClientFactory, type RunContext } from './context.js';
import type { Emit, PipelineEvent } from './events.js';
import { planStage } from './plan-stage.js';
import { applyRounds, roundsExitCode, withRounds, type VerifySettings } from './verify.js';

/** The answer to a plan: which steps to run (an empty list cancels), and the plan itself, possibly with edited instructions. */
export interface PlanApproval {
  selected: number[];
  plan: SavedPlan;
}

/** Human decisions, injected: the TUI asks, --yes and CI answer by policy. */
export interface Decisions {
  approvePlan(plan: SavedPlan): Promise<PlanApproval>;
}

/** Approves every step: the policy of --yes and CI. */
export const approveAll: Decisions = { approvePlan: async (plan) => ({ selected: plan.steps.map((_, i) => i), plan }) };

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
    try {
      const dirty = await checkClean(ctx.workspace, input.allowDirty);
      const plan = await planStage(ctx, input, emit);
      await applyWith(ctx, plan, input, emit, budget, dirty);
    } finally {
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

/** Refuses a dirty tree unless allowed; returns the dirty files either way. */
async function checkClean(workspace: Workspace, allowDirty: boolean): Promise<string[]> {
  const dirty = await workspace.dirtyFiles();
  if (dirty.length > 0 && !allowDirty) {
    const list = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '');
    throw usageError(`the working tree has uncommitted changes: ${list}`, 'commit or stash them, or pass --allow-dirty (tandem then commits only its own changes)');
  }
  return dirty;
}

async function applyWith(ctx: RunContext, plan: SavedPlan, settings: ApplySettings, emit: Emit, budget?: Budget, knownDirty?: string[]): Promise<void> {
  const dirty = knownDirty ?? (await checkClean(ctx.workspace, settings.allowDirty));
  const approval = await settings.decisions.approvePlan(plan);
  const selected = approval.selected;
  if (approval.plan !== plan) {
    plan = approval.plan;
    await savePlan(ctx.root, plan);
  }
  if (selected.length === 0) throw new TandemError('no steps approved; nothing was applied', { exitCode: ExitCode.failed });
  const branch = settings.inPlace ? await ctx.workspace.currentBranch() : (settings.branch ?? `tandem/${plan.id}`);
  if (!settings.inPlace) {
    if (await ctx.workspace.branchExists(branch)) {
      const why = settings.branch ? '' : ': this plan was applied before';
      throw usageError(`branch ${branch} already exists${why}`, 'delete the branch, pass another --branch <name>, or --in-place');
    }
    await ctx.workspace.createBranch(branch);
  }
  emit({ type: 'apply-start', plan, branch, steps: selected });
  const rounds = await applyRounds(
    ctx,
    { plan, branch, selected, concurrency: resolveConcurrency(settings.concurrency, ctx.config.editor, plan.steps, selected), dirtyFiles: new Set(dirty), decisions: settings.decisions, verify: settings.verify, halted: () => budget?.stop?.message },
    emit,
  );
  let report = withRounds(buildRunReport(rounds.plan, rounds.outcomes, ctx.config, branch), rounds, settings.verify);
  report = withEgress(report, await readEgress(ctx.root), { runId: ctx.runId, planId: rounds.plan.id });
  if (budget) report = { ...report, budget: budgetReport(budget) };
  const exitCode = roundsExitCode(rounds, { aborted: Boolean(ctx.signal?.aborted), budgetStopped: Boolean(budget?.stop), verify: Boolean(settings.verify) });
  emit({ type: 'done', report, exitCode });
}
