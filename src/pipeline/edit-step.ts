import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SavedPlan } from '../architect/types.js';
import { disclosureOf } from '../disclosure/policy.js';
import { applyAnswer } from '../editor/engine.js';
import { buildEditorMessages, chooseEditFormat } from '../editor/prompt.js';
import type { ModelClient, ModelResult } from '../gateway/types.js';
import { editorDisclosure } from '../privacy/edit-egress.js';
import { guardFor } from '../privacy/guard.js';
import { editorRules, withRules } from '../rules/step-rules.js';
import { BudgetError } from './budget.js';
import type { RunContext } from './context.js';
import { editorCallWatch, roleConfigOf, windowedAnswerProblem } from './editor-fit.js';
import type { Emit } from './events.js';

/** The outcome of the editing half of a step: new content to commit, or why there is none. */
export type EditedStep =
  | { ok: true; path: string; before: string | null; after: string | null; calls: ModelResult[]; fallbackCalls: ModelResult[]; attempts: number }
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

/**
 * Has the editor write one step's edit: the first try, `editRetries` retries with exact feedback
 * (blocks that applied are kept and not asked for again), then one try by the fallback role.
 */
export async function editStep(ctx: RunContext, plan: SavedPlan, index: number, path: string, emit: Emit): Promise<EditedStep> {
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
  let current = before;
  let feedback: string | undefined;
  let reason = 'the editor gave no usable edit';
  const tries: Array<{ client: ModelClient; sink: ModelResult[] }> = [];
  for (let i = 0; i <= editor.editRetries; i++) tries.push({ client: ctx.client('editor'), sink: calls });
  if (ctx.config.fallback) tries.push({ client: ctx.client('fallback'), sink: fallbackCalls });

  for (const [n, { client, sink }] of tries.entries()) {
    const attempt = n + 1;
    if (n > 0) emit({ type: 'step-retry', index, attempt, reason });
    emit({ type: 'step-start', index, title: step.title, file: path, attempt, role: client.role, model: client.model, provider: providerOf(ctx, client) });
    const started = Date.now();
    // Editor fit (src/pipeline/editor-fit.ts): count the prompt, send a window of a file too big for the
    // context (search/replace only), then compare the reported prompt tokens and watch for a cold load.
    const watch = editorCallWatch(ctx, emit);
    const fitPlan = { role: roleConfigOf(ctx.config, client.role), step: index, path, content: current, format, focus: `${step.title}\n${step.instructions}` };
    const fitted = await watch.prepare(fitPlan, (window, asked) =>
      buildEditorMessages({ task: plan.task, planSummary: plan.summary, step, stepIndex: index, content: current, format: asked, feedback, window, rules: rules.text }),
    );
    let result: ModelResult;
    try {
      // Privacy boundary (src/privacy/guard.ts): secrets redacted for a cloud role, the egress ledger written.
      result = await guardFor(ctx).complete(
        client,
        {
          messages: fitted.messages,
          signal: ctx.signal,
          meta: { runId: ctx.runId, planId: plan.id, step: index },
          onDelta: (_text, chunks) => emit({ type: 'step-delta', index, chunks, elapsedMs: Date.now() - started }),
        },
        withRules(editorDisclosure(path, current, fitted.window), rules.pieces),
      );
    } catch (error) {
      // The budget refused this attempt: the calls already made stay in the step's report.
      if (error instanceof BudgetError) return { ok: false, reason: error.message, calls, fallbackCalls, attempts: n, budget: true };
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
    const edit = applyAnswer(result.text, { path, content: current });
    if (edit.ok && edit.after !== before) return { ok: true, path, before, after: edit.after, calls, fallbackCalls, attempts: attempt };
    if (edit.changed) current = edit.after;
    reason = describeFailure(edit.blocks, edit.after === before);
    feedback = edit.feedback ?? 'Your edit changes nothing. Make the change the step asks for.';
  }
  return { ok: false, reason, calls, fallbackCalls, attempts: tries.length };
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
