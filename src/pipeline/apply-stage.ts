import type { SavedPlan } from '../architect/types.js';
import { TandemError } from '../errors.js';
import { GatewayError } from '../gateway/errors.js';
import { makePatch } from '../workspace/patch.js';
import { confinePath } from '../workspace/paths.js';
import { BranchMovedError, type StepCommitter } from '../workspace/step-commit.js';
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
  /** Runs after a step is committed, before any other step is committed (the per-step check). */
  afterApply?: (index: number) => Promise<void>;
  /** How a finished step becomes a commit on the run's branch. */
  committer: StepCommitter;
  /** Steps refused before any call (protected or unusable targets), with the reason. */
  refused?: Map<number, string>;
  /** Steps an earlier run of this plan already committed (resume), with their commit. */
  done?: Map<number, string>;
}

/**
 * Runs the steps: editor calls may overlap (up to `concurrency`) once a step's dependencies have been
 * committed, and each step is committed as soon as its edit is ready (one commit at a time), so the commit
 * order follows completion while a step still always lands after the steps it depends on. Outcomes come
 * back in plan order.
 */
export async function applyStage(ctx: RunContext, plan: SavedPlan, options: ApplyOptions, emit: Emit): Promise<StepOutcome[]> {
  const limit = createLimit(Math.max(1, options.concurrency));
  const serial = createLimit(1);
  const settled: Array<Promise<StepOutcome>> = [];
  let unreachable: string | undefined;
  // Set when HEAD left the branch or the branch moved: nothing more is committed anywhere.
  let stopped: string | undefined;

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
    const already = options.done?.get(index);
    if (already) {
      const reason = `already committed as ${already.slice(0, 7)}`;
      emit({ type: 'step-skipped', index, reason });
      settled[index] = Promise.resolve({ index, status: 'skipped', file: step.file, calls: [], fallbackCalls: [], attempts: 0, commit: already, reason, byChoice: true, resumed: true });
      continue;
    }
    const edited = (async (): Promise<Prepared> => {
      if (!options.selected.has(index)) return { kind: 'skip', reason: 'left out of this run', byChoice: true };
      const refused = options.refused?.get(index);
      if (refused) return { kind: 'fail', reason: refused };
      const deps = await Promise.all(step.depends_on.map((d) => settled[d]));
      const broken = deps.find((d) => d.status !== 'applied' && !d.resumed);
      if (broken) return { kind: 'skip', reason: `step ${broken.index + 1} it depends on was not applied` };
      return limit(async (): Promise<Prepared> => {
        if (stopped) return { kind: 'skip', reason: `not run: ${stopped}` };
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
          return { kind: 'edit', edit: await editStep(ctx, plan, index, path, emit, deps) };
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
      if (result.kind === 'skip') return skip(index, result.reason, result.byChoice);
      if (result.kind === 'fail') return fail(index, result.reason, { unreachable: result.unreachable });
      const edit = result.edit;
      const made = { calls: edit.calls, fallbackCalls: edit.fallbackCalls, attempts: edit.attempts };
      // A step the budget refused before its first attempt was not tried at all.
      if (!edit.ok) return edit.budget && edit.attempts === 0 ? skip(index, edit.reason) : fail(index, edit.reason, made);
      // Committed as soon as it is ready, one at a time; the per-step check sees exactly this commit.
      return serial(async (): Promise<StepOutcome> => {
        if (stopped) return fail(index, `not committed: ${stopped}`, made);
        let commit: string;
        try {
          commit = await options.committer.commit({
            path: edit.path,
            before: edit.before,
            after: edit.after,
            message: `tandem: ${step.title}`,
            trailers: {
              'Tandem-Plan': plan.id,
              'Tandem-Step': String(index + 1),
              'Tandem-Editor': edit.fallbackCalls.at(-1)?.model ?? edit.calls.at(-1)?.model ?? 'none',
            },
          });
        } catch (error) {
          if (!(error instanceof TandemError)) throw error;
          if (error instanceof BranchMovedError) stopped = error.message;
          return fail(index, error.message, made);
        }
        emit({ type: 'step-applied', index, commit, diff: makePatch(edit.path, edit.before, edit.after), attempts: edit.attempts });
        await options.afterApply?.(index);
        return { index, status: 'applied', file: edit.path, ...made, commit, ...(edit.format && { format: edit.format }) };
      });
    })();
  }
  return Promise.all(settled.slice(from));
}
