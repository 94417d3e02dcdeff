import { makePlan, PlanError } from '../architect/make-plan.js';
import { newPlanId, savePlan, saveRawAnswer } from '../architect/plan-store.js';
import { revisedFields, revisionMessages, type Revision } from '../architect/revise.js';
import { summarizeCalls } from '../architect/summarize.js';
import type { SavedPlan } from '../architect/types.js';
import { TandemError } from '../errors.js';
import { planPrivacy } from '../privacy/plan-privacy.js';
import type { Emit } from './events.js';
import type { RunContext } from './context.js';
import { runRules } from '../rules/step-rules.js';

/** Asks the architect for a plan, saves it, and announces it. */
export async function planStage(ctx: RunContext, input: { task: string; files: string[]; revision?: Revision }, emit: Emit): Promise<SavedPlan> {
  const id = newPlanId(input.task);
  const followUp = input.revision && (await revisionMessages(input.revision));
  const architect = ctx.client('architect');
  let made;
  try {
    made = await makePlan({
      task: input.task,
      root: ctx.root,
      client: architect,
      namedFiles: input.files,
      contextBudget: ctx.config.architect.contextBudget,
      rules: runRules(ctx).then((loaded) => loaded.files),
      // Privacy boundary (src/privacy/plan-privacy.ts): level, guard and local summarizer.
      ...planPrivacy(ctx, id),
      meta: { runId: ctx.runId, planId: id },
      followUp,
      signal: ctx.signal,
      onRound: (round) => emit({ type: 'architect-start', model: architect.model, round }),
      onDelta: (text, chunks) => emit({ type: 'architect-delta', text, chunks }),
    });
  } catch (error) {
    if (error instanceof PlanError) {
      const path = await saveRawAnswer(ctx.root, id, error.raw);
      throw new TandemError(`${error.message}. The raw answer is saved in ${path}`, { exitCode: 1 });
    }
    throw error;
  }
  ctx.architectMap = made.map;
  const plan: SavedPlan = {
    id,
    task: input.task,
    createdAt: new Date().toISOString(),
    baseCommit: await ctx.workspace.head(),
    summary: made.plan.summary,
    steps: made.plan.steps,
    architect: summarizeCalls(made.calls),
    ...(made.rules.length > 0 && { rules: made.rules }),
  };
  if (input.revision) Object.assign(plan, revisedFields(input.revision.plan, id, plan.architect));
  const path = await savePlan(ctx.root, plan);
  emit({ type: 'plan-ready', plan, path });
  return plan;
}
