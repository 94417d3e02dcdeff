import { makePlan, PlanError } from '../architect/make-plan.js';
import { saveRawAnswer } from '../architect/plan-store.js';
import type { Plan, SavedPlan } from '../architect/types.js';
import { TandemError } from '../errors.js';
import type { ModelClient, ModelResult } from '../gateway/types.js';
import type { RunContext } from './context.js';
import type { Emit } from './events.js';
import type { StepOutcome } from './outcome.js';
import { planPrivacy } from '../privacy/plan-privacy.js';
import { fillTemplate, loadPrompt } from '../prompts.js';
import { fenced } from '../report/markdown.js';
import type { CheckReport } from '../report/types.js';

/** What the architect is told in a fix-up request. */
export interface FixupFacts {
  task: string;
  round: number;
  check: CheckReport;
  steps: Array<{ title: string; file: string; status: string; reason?: string }>;
  /** With --check-each: the first step after which the check failed (0-based). */
  firstFailedStep?: number;
}

/** The task text of a fix-up request: the original task, what was done, and the failing check with its trimmed output. */
export async function buildFixupTask(facts: FixupFacts): Promise<string> {
  const template = await loadPrompt('architect-fixup.md');
  const steps = facts.steps.map((s, i) => `${i + 1}. ${s.title} (${s.file}): ${s.status}${s.reason && s.status !== 'applied' ? `: ${s.reason}` : ''}`).join('\n');
  const first = facts.firstFailedStep === undefined ? '' : `With the check run after every step, it first failed after step ${facts.firstFailedStep + 1}.\n`;
  return fillTemplate(template, {
    task: facts.task,
    round: String(facts.round),
    steps,
    firstFailure: first,
    command: facts.check.command,
    exit: facts.check.exitCode === null ? 'it was stopped before it finished' : `exit code ${facts.check.exitCode}`,
    output: fenced(facts.check.output || '(no output)'),
  }).trimEnd();
}

/** A fix-up plan, or why there is none; either way the architect calls made for it. */
export type FixupAnswer = { ok: true; plan: Plan; calls: ModelResult[] } | { ok: false; error: TandemError; calls: ModelResult[] };

/**
 * Asks the architect for the steps that make a failing check pass, sending the files changed so far
 * under the run's privacy level (secrets in the check output are redacted by the guard like any request).
 * Errors that end the verify loop (budget, unreachable gateway, an unusable answer) come back as values,
 * so the run can still report what it did.
 */
export async function requestFixPlan(ctx: RunContext, plan: SavedPlan, facts: FixupFacts, outcomes: StepOutcome[], emit: Emit): Promise<FixupAnswer> {
  const calls: ModelResult[] = [];
  const architect = collecting(ctx.client('architect'), calls);
  const changed = [...new Set(outcomes.filter((o) => o.status === 'applied').map((o) => o.file))];
  try {
    const made = await makePlan({
      task: await buildFixupTask(facts),
      root: ctx.root,
      client: architect,
      namedFiles: changed,
      contextBudget: ctx.config.architect.contextBudget,
      reuseMap: ctx.architectMap,
      // The run's privacy level holds for fix-ups too: changed files go as content, outline or local summary.
      ...planPrivacy(ctx, plan.id),
      meta: { runId: ctx.runId, planId: plan.id },
      signal: ctx.signal,
      onRound: (round) => emit({ type: 'architect-start', model: architect.model, round }),
      onDelta: (text, chunks) => emit({ type: 'architect-delta', text, chunks }),
    });
    return { ok: true, plan: made.plan, calls };
  } catch (error) {
    if (error instanceof PlanError) {
      const path = await saveRawAnswer(ctx.root, `${plan.id}.fix-${facts.round}`, error.raw);
      return { ok: false, error: new TandemError(`${error.message}. The raw answer is saved in ${path}`, { exitCode: 1 }), calls };
    }
    if (error instanceof TandemError) return { ok: false, error, calls };
    throw error;
  }
}

/** A client that also keeps every successful result, so the calls of a request that fails half-way are still counted. */
function collecting(client: ModelClient, sink: ModelResult[]): ModelClient {
  return {
    role: client.role,
    model: client.model,
    async complete(request) {
      const result = await client.complete(request);
      sink.push(result);
      return result;
    },
  };
}
