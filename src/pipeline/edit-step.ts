import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedPlan } from '../architect/types.js';
import { disclosureOf } from '../disclosure/policy.js';
import { applyAnswer } from '../editor/engine.js';
import { buildEditorMessages, chooseEditFormat } from '../editor/prompt.js';
import { shrinkProblem } from '../editor/shrink.js';
import type { EditAnswerFormat } from '../editor/types.js';
import type { ModelClient, ModelResult } from '../gateway/types.js';
import { editorDisclosure } from '../privacy/edit-egress.js';
import { guardFor } from '../privacy/guard.js';
import { editorRules, withRules } from '../rules/step-rules.js';
import { BudgetError } from './budget.js';
import type { RunContext } from './context.js';
import { editorCallWatch, fitEditorPrompt, roleConfigOf, windowedAnswerProblem, type BuildMessages } from './editor-fit.js';
import type { Emit } from './events.js';
import type { StepOutcome } from './outcome.js';
import { dependencyChanges, dependencyPieces } from './step-dependencies.js';

/** The outcome of the editing half of a step: new content to commit, or why there is none. */
export type EditedStep =
  | {
      ok: true;
      path: string;
      before: string | null;
      after: string | null;
      calls: ModelResult[];
      fallbackCalls: ModelResult[];
      attempts: number;
      /** The format of the answer that applied (none for a delete step). */
      format?: EditAnswerFormat;
    }
  | { ok: false; reason: string; calls: ModelResult[]; fallbackCalls: ModelResult[]; attempts: number; budget?: true };

/** Reads a file of the repository, null when it does not exist. */
export async function readRepoFile(root: string, path: string): Promise<string | null> {
  try {
    return await readFile(join(root, path), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** One editor call of a step: who answers, where its result is counted, and whether it is the whole-file escalation. */
interface Try {
  client: ModelClient;
  sink: ModelResult[];
  escalation?: true;
}

/**
 * Has the editor write one step's edit: the first try, `editRetries` retries with exact feedback
 * (blocks that applied are kept and not asked for again), then, when the file fits the editor's
 * window, one request to the same editor for the whole file (`editor.escalate`), then one try by
 * the fallback role. `dependsOn`: the outcomes of the steps it depends on, whose committed diffs
 * the editor sees as context.
 */
export async function editStep(ctx: RunContext, plan: SavedPlan, index: number, path: string, emit: Emit, dependsOn: readonly StepOutcome[] = []): Promise<EditedStep> {
  const step = plan.steps[index];
  const before = await readRepoFile(ctx.root, path);
  const calls: ModelResult[] = [];
  const fallbackCalls: ModelResult[] = [];
  if (step.action === 'delete') {
    if (before === null) return { ok: false, reason: `${path} does not exist, so it cannot be deleted`, calls, fallbackCalls, attempts: 0 };
    return { ok: true, path, before, after: null, calls, fallbackCalls, attempts: 0 };
  }
  // Privacy boundary (src/disclosure/policy.ts): a secret or ignored file is never sent to any model.
  const disclosure = await disclosureOf(ctx.root, path, ctx.config.privacy, 'editor');
  if (!disclosure.send) return { ok: false, reason: `${path} is ${disclosure.reason.replace(/^withheld: /, 'withheld, ')}: tandem never sends it to a model`, calls, fallbackCalls, attempts: 0 };
  const editor = ctx.config.editor;
  const format = chooseEditFormat(editor.editFormat, before, editor.wholeFileMaxLines);
  const rules = await editorRules(ctx, path);
  const dependencies = await dependencyChanges(ctx, plan, dependsOn);
  let current = before;
  let feedback: string | undefined;
  // The last feedback on a search/replace or diff answer: what the fallback, asked in that format, needs.
  let formatFeedback: string | undefined;
  let reason = 'the editor gave no usable edit';
  const tries: Try[] = [];
  for (let i = 0; i <= editor.editRetries; i++) tries.push({ client: ctx.client('editor'), sink: calls });
  // Small models that get search/replace wrong often get the same change right as a whole file.
  if (editor.escalate !== false && format !== 'whole' && before !== null) tries.push({ client: ctx.client('editor'), sink: calls, escalation: true });
  if (ctx.config.fallback) tries.push({ client: ctx.client('fallback'), sink: fallbackCalls });

  let attempt = 0;
  for (const t of tries) {
    const { client, sink, escalation } = t;
    const asked = escalation ? 'whole' : format;
    const retryFeedback = escalation || client.role !== 'fallback' ? feedback : formatFeedback;
    const watch = editorCallWatch(ctx, emit);
    const fitPlan = {
      role: roleConfigOf(ctx.config, client.role),
      step: index,
      path,
      content: current,
      format: asked,
      focus: `${step.title}\n${step.instructions}`,
      hasDependencies: dependencies.length > 0,
    };
    const build: BuildMessages = (window, askedFormat, context) =>
      buildEditorMessages({
        task: plan.task,
        planSummary: plan.summary,
        step,
        stepIndex: index,
        content: current,
        format: askedFormat,
        feedback: retryFeedback,
        escalation,
        window,
        rules: rules.text,
        dependencies: { changes: dependencies, detail: context },
      });
    // The whole file is asked for only when it fits the editor's window whole, with room for the answer.
    const escalated = escalation ? await fitEditorPrompt(fitPlan, build) : undefined;
    if (escalated && (escalated.window || escalated.format !== 'whole')) continue;
    attempt++;
    if (attempt > 1) emit({ type: 'step-retry', index, attempt, reason });
    emit({ type: 'step-start', index, title: step.title, file: path, attempt, role: client.role, model: client.model, provider: providerOf(ctx, client) });
    const started = Date.now();
    // Editor fit (src/pipeline/editor-fit.ts): count the prompt, send a window of a file too big for the
    // context (search/replace only), then compare the reported prompt tokens and watch for a cold load.
    const fitted = escalated ?? (await watch.prepare(fitPlan, build));
    let result: ModelResult;
    try {
      // Privacy boundary (src/privacy/guard.ts): secrets redacted for a cloud role, the egress ledger written.
      result = await guardFor(ctx).complete(
        client,
        {
          messages: fitted.messages,
          signal: ctx.signal,
          meta: { runId: ctx.runId, planId: plan.id, step: index },
          onDelta: (text, chunks) => emit({ type: 'step-delta', index, text, chunks, elapsedMs: Date.now() - started }),
        },
        withRules(editorDisclosure(path, current, fitted.window), [...rules.pieces, ...dependencyPieces(dependencies, fitted.context)]),
      );
    } catch (error) {
      // The budget refused this attempt: the calls already made stay in the step's report.
      if (error instanceof BudgetError) return { ok: false, reason: error.message, calls, fallbackCalls, attempts: attempt - 1, budget: true };
      throw error;
    }
    sink.push(result);
    watch.check(fitPlan, fitted, result);
    const refused = windowedAnswerProblem(fitted, result.text);
    if (refused) {
      ({ reason, feedback } = refused);
      continue;
    }
    // End of editor fit.
    // A bare name (Makefile) on the line before a block names that file when the repository has it.
    const edit = applyAnswer(result.text, { path, content: current }, { isFileName: (name) => existsSync(join(ctx.root, name)) });
    // A whole file that loses most of the lines is refused unless the step asks for deleting.
    const shrunk = escalation && edit.ok ? shrinkProblem(current, edit.after, step.instructions) : undefined;
    if (shrunk) {
      ({ reason, feedback } = shrunk);
      continue;
    }
    if (edit.ok && edit.after !== before) return { ok: true, path, before, after: edit.after, calls, fallbackCalls, attempts: attempt, format: edit.format };
    if (edit.changed) current = edit.after;
    reason = describeFailure(edit.blocks, edit.after === before);
    feedback = edit.feedback ?? 'Your edit changes nothing. Make the change the step asks for.';
    if (!escalation) formatFeedback = feedback;
  }
  return { ok: false, reason, calls, fallbackCalls, attempts: attempt };
}

function describeFailure(blocks: Array<{ status: string; reason?: string }>, unchanged: boolean): string {
  const bad = blocks.find((b) => b.status === 'refused' || b.status === 'failed');
  if (bad?.reason) return bad.reason;
  return unchanged ? 'the edit changes nothing' : 'the edit did not apply';
}

function providerOf(ctx: RunContext, client: ModelClient): string {
  const role = client.role === 'fallback' ? ctx.config.fallback : ctx.config[client.role as 'architect' | 'editor'];
  const only = role?.provider?.only;
  return Array.isArray(only) && typeof only[0] === 'string' ? only[0] : (role?.gatewayName ?? '');
}
