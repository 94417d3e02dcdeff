import type { SavedPlan } from '../architect/types.js';
import { TandemError } from '../errors.js';
import { GatewayError } from '../gateway/errors.js';
import { makePatch } from '../workspace/patch.js';
import { confinePath } from '../workspace/paths.js';
import type { RunContext } from './context.js';
import { editStep, type EditedStep } from './edit-step.js';
import type { Emit } from './events.js';
import { createLimit } from './limit.js';
import type { StepOutcome } from './outcome.js';

type Prepared =
  | { kind: 'skip'; reason: string; byChoice?: boolean }
  | { kind: 'fail'; reason: string; unreachable?: boolean }
  | { kind: 'edit'; edit: EditedStep };

/** How to apply: which steps, how many editor calls at once, which files the user had dirty. */
export interface ApplyOptions {
  selected: Set<number>;
  concurrency: number;
  /** Files with the user's uncommitted changes (only with --allow-dirty); steps on them fail instead of mixing work. */
  dirtyFiles: Set<string>;
  /** Steps before this index belong to an earlier round: they are neither run nor reported again. */
  from?: number;
  /** Why the run has stopped (a budget), if it has: steps not yet started are skipped with that reason. */
  halted?: () => string | undefined;
  /** Runs after a step is committed, before the next step's patch is applied (the per-step check). */
  afterApply?: (index: number) => Promise<void>;
}

/**
 * Runs the steps: editor calls may overlap (up to `concurrency`) once a step's dependencies have been
 * applied, but patches are applied and committed strictly in plan order, one commit per step.
 */
export async function applyStage(ctx: RunContext, plan: SavedPlan, options: ApplyOptions, emit: Emit): Promise<StepOutcome[]> {
  const limit = createLimit(Math.max(1, options.concurrency));
  const settled: Array<Promise<StepOutcome>> = [];
  let unreachable: string | undefined;

  const skip = (index: number, reason: string, byChoice = false): StepOutcome => {
    emit({ type: 'step-skipped', index, reason });
    return { index, status: 'skipped', file: plan.steps[index].file, calls: [], fallbackCalls: [], attempts: 0, commit: null, reason, byChoice };
  };
  const fail = (index: number, reason: string, partial: Partial<StepOutcome> = {}): StepOutcome => {
    emit({ type: 'step-failed', index, reason });
    return { index, status: 'failed', file: plan.steps[index].file, calls: [], fallbackCalls: [], attempts: 0, commit: null, ...partial, reason };
  };

  const from = options.from ?? 0;
  for (const [index, step] of plan.steps.entries()) {
    if (index < from) continue;
    const previous = settled[index - 1];
    const edited = (async (): Promise<Prepared> => {
      if (!options.selected.has(index)) return { kind: 'skip', reason: 'left out of this run', byChoice: true };
      const deps = await Promise.all(step.depends_on.map((d) => settled[d]));
      const broken = deps.find((d) => d.status !== 'applied');
      if (broken) return { kind: 'skip', reason: `step ${broken.index + 1} it depends on was not applied` };
      return limit(async (): Promise<Prepared> => {
        if (unreachable) return { kind: 'skip', reason: unreachable };
        const halted = options.halted?.();
        if (halted) return { kind: 'skip', reason: `not run: ${halted}` };
        if (ctx.signal?.aborted) return { kind: 'skip', reason: 'interrupted' };
        let path: string;
        try {
          path = confinePath(ctx.root, step.file);
        } catch (error) {
          return { kind: 'fail', reason: (error as Error).message };
        }
        if (options.dirtyFiles.has(path)) return { kind: 'fail', reason: `${path} has uncommitted changes of yours; commit or stash them first` };
        try {
          return { kind: 'edit', edit: await editStep(ctx, plan, index, path, emit) };
        } catch (error) {
          if (ctx.signal?.aborted) return { kind: 'skip', reason: 'interrupted' };
          if (error instanceof GatewayError) {
            if (!error.retryable || error.status === undefined) unreachable = `not run: ${error.message}`;
            return { kind: 'fail', reason: error.message, unreachable: true };
          }
          throw error;
        }
      });
    })();

    settled[index] = (async (): Promise<StepOutcome> => {
      const result = await edited;
      // Commits happen in plan order, whatever order the editor calls finished in.
      if (previous) await previous;
      if (result.kind === 'skip') return skip(index, result.reason, result.byChoice);
      if (result.kind === 'fail') return fail(index, result.reason, { unreachable: result.unreachable });
      const edit = result.edit;
      const made = { calls: edit.calls, fallbackCalls: edit.fallbackCalls, attempts: edit.attempts };
      // A step the budget refused before its first attempt was not tried at all.
      if (!edit.ok) return edit.budget && edit.attempts === 0 ? skip(index, edit.reason) : fail(index, edit.reason, made);
      let commit: string;
      try {
        const patch = makePatch(edit.path, edit.before, edit.after);
        await ctx.workspace.applyPatch(patch);
        commit = await ctx.workspace.commit([edit.path], `tandem: ${step.title}`, {
          'Tandem-Plan': plan.id,
          'Tandem-Step': String(index + 1),
          'Tandem-Editor': edit.fallbackCalls.at(-1)?.model ?? edit.calls.at(-1)?.model ?? 'none',
        });
        emit({ type: 'step-applied', index, commit, diff: patch, attempts: edit.attempts });
      } catch (error) {
        if (!(error instanceof TandemError)) throw error;
        return fail(index, error.message, made);
      }
      await options.afterApply?.(index);
      return { index, status: 'applied', file: edit.path, ...made, commit };
    })();
  }
  return Promise.all(settled.slice(from));
}
