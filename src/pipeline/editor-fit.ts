import type { EditFormat, ResolvedConfig, ResolvedRole, RoleName } from '../config/types.js';
import type { ContextDetail } from '../editor/dependency-context.js';
import type { ChatMessage, ModelResult } from '../gateway/types.js';
import { formatInt as fmt } from '../report/format.js';
import { countMessages, loadTokenCounter } from '../tokens/count.js';
import { chooseWindow, type LineWindow } from '../tokens/window.js';
import type { Emit } from './events.js';

/** A format the editor is asked for ('auto' already decided). */
export type AskedFormat = Exclude<EditFormat, 'auto'>;

/**
 * Builds the editor's messages for the whole file (no window) or for a window of it, in a format,
 * with the dependency context in some detail (src/editor/dependency-context.ts).
 */
export type BuildMessages = (window: LineWindow | undefined, format: AskedFormat, context: ContextDetail) => ChatMessage[] | Promise<ChatMessage[]>;

/** What one editor call is about. */
export interface EditorCallPlan {
  role: ResolvedRole;
  step: number;
  path: string;
  content: string | null;
  format: AskedFormat;
  /** The step's title and instructions: where to look in the file. */
  focus: string;
  /** The prompt carries what the steps it depends on committed, which may be shortened to fit. */
  hasDependencies?: boolean;
}

/** The prompt to send, what it counts, and the window when the file was cut to fit. */
export interface FittedPrompt {
  messages: ChatMessage[];
  sentTokens: number;
  format: AskedFormat;
  window?: LineWindow & { totalLines: number; fileTokens: number; terms: string[] };
  /** How much dependency context the prompt holds. */
  context: ContextDetail;
}

/** Tokens kept free for the answer: a quarter of the context, at least 1,024, and the file's size for a whole-file answer. */
export function answerReserve(contextWindow: number | undefined, wholeFileTokens = 0): number {
  return Math.max(1024, Math.floor((contextWindow ?? 0) / 4), Math.ceil(wholeFileTokens * 1.1));
}

/** The smallest power of two at or above `n`. */
export function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}


/**
 * Counts the prompt before an editor call. When it would not fit the role's `contextWindow` with room
 * for the answer, the dependency context is cut to signatures first; then a window of the file around
 * what the step names is sent instead, in search/replace format, with the context kept only while it
 * leaves most of the room to the file.
 */
export async function fitEditorPrompt(plan: EditorCallPlan, build: BuildMessages): Promise<FittedPrompt> {
  const count = await loadTokenCounter();
  const contextWindow = plan.role.contextWindow;
  const fileTokens = plan.content === null ? 0 : count(plan.content);
  const wholeAnswer = plan.format === 'whole' ? fileTokens : 0;
  const details: ContextDetail[] = plan.hasDependencies ? ['full', 'brief'] : ['full'];
  let first: FittedPrompt | undefined;
  for (const context of details) {
    const messages = await build(undefined, plan.format, context);
    const fitted = { messages, sentTokens: await countMessages(messages), format: plan.format, context };
    first ??= fitted;
    if (!contextWindow || plan.content === null) return first;
    if (fitted.sentTokens + answerReserve(contextWindow, wholeAnswer) <= contextWindow) return fitted;
  }
  if (!contextWindow || plan.content === null) return first!;

  const lines = plan.content.replace(/\n$/, '').split('\n');
  const budget = contextWindow - answerReserve(contextWindow);
  const frameOf = async (context: ContextDetail) => countMessages(await build({ startLine: 1, endLine: 1 }, 'search-replace', context));
  let context: ContextDetail = plan.hasDependencies ? 'brief' : 'full';
  let frame = await frameOf(context);
  // The file is what the step edits: context that would take more than half the room goes.
  if (plan.hasDependencies && frame > budget / 2) {
    context = 'none';
    frame = await frameOf(context);
  }
  let linesBudget = budget - (frame - count(`${lines[0]}\n`));
  for (let tries = 0; ; tries++) {
    const chosen = chooseWindow(lines, plan.focus, linesBudget, count);
    const messages = await build(chosen, 'search-replace', context);
    const tokens = await countMessages(messages);
    // Line counts add up a little differently from the assembled prompt; shrink and try again when over.
    if (tokens <= budget || tries === 3 || chosen.startLine === chosen.endLine) {
      return { messages, sentTokens: tokens, format: 'search-replace', window: { ...chosen, totalLines: lines.length, fileTokens }, context };
    }
    linesBudget -= tokens - budget + 16;
  }
}

/** The notice that a step's file was windowed. */
export function windowNotice(plan: EditorCallPlan, fitted: FittedPrompt): string | undefined {
  const w = fitted.window;
  if (!w) return undefined;
  const around = w.terms.length > 0 ? ` around ${w.terms.slice(0, 3).map((t) => `\`${t}\``).join(', ')}` : '';
  return (
    `${plan.path} (${fmt(w.fileTokens)} tokens) does not fit the ${plan.role.role}'s ${fmt(plan.role.contextWindow ?? 0)}-token context window with the prompt and room for the answer; ` +
    `sending lines ${w.startLine}-${w.endLine} of ${fmt(w.totalLines)}${around} and asking for search/replace edits`
  );
}

/** Why an answer to a windowed prompt is refused: only located edits are safe when the editor saw part of the file. */
export function windowedAnswerProblem(fitted: FittedPrompt, text: string): { reason: string; feedback: string } | undefined {
  const w = fitted.window;
  if (!w || /^<{5,9} ?SEARCH\s*$/m.test(text) || /^@@/m.test(text)) return undefined;
  return {
    reason: `the editor answered without search/replace blocks although it saw only lines ${w.startLine}-${w.endLine}`,
    feedback:
      `You were shown only lines ${w.startLine}-${w.endLine} of the file, so a whole-file answer would delete the rest. ` +
      'Answer with SEARCH/REPLACE blocks whose SEARCH part copies lines exactly from what you were shown.',
  };
}

/** The warning when the model reports far fewer prompt tokens than were sent: the prompt was cut silently. */
export function truncationWarning(role: ResolvedRole, sentTokens: number, reportedTokens: number): string | undefined {
  if (reportedTokens <= 0 || sentTokens < 256 || reportedTokens >= sentTokens * 0.8) return undefined;
  const need = powerOfTwoAtLeast(sentTokens + answerReserve(role.contextWindow));
  const saw = `the ${role.role} saw ${fmt(reportedTokens)} of ${fmt(sentTokens)} prompt tokens`;
  if (role.local) {
    return (
      `${saw}: Ollama truncated the prompt; set OLLAMA_CONTEXT_LENGTH to at least ${need} ` +
      `(or set ${role.role}.contextWindow to the context the model really has, so tandem sends a window of the file)`
    );
  }
  return `${saw}: ${role.gatewayName} or the model cut the prompt; use a model with a context of at least ${need} tokens or set ${role.role}.contextWindow to its real size`;
}

/** How long a call waited (for its first token, or for the whole answer) and the prompt size it was for. */
export interface CallTiming {
  waitMs: number;
  promptTokens: number;
}

/** A cold-load notice when the first call waited far longer than a later one, more than its prompt size explains. */
export function coldLoadNotice(role: ResolvedRole, first: CallTiming, later: CallTiming): string | undefined {
  const scale = first.promptTokens > 0 && later.promptTokens > 0 ? first.promptTokens / later.promptTokens : 1;
  const expected = later.waitMs * scale;
  if (first.waitMs - expected < 2000 || first.waitMs < expected * 3) return undefined;
  const why = role.local ? ' (Ollama loads a model on first use and unloads it after 5 idle minutes)' : '';
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  return `the first ${role.role} call waited ${s(first.waitMs)} against ${s(later.waitMs)} for the next: a cold model load${why}; later calls are not slowed`;
}

/** The two calls' waits, compared on time to first token when both have one, else on latency. */
function timings(first: ModelResult, later: ModelResult): [CallTiming, CallTiming] {
  const ttft = first.ttftMs !== null && later.ttftMs !== null;
  const wait = (r: ModelResult): CallTiming => ({ waitMs: ttft ? (r.ttftMs as number) : r.latencyMs, promptTokens: r.promptTokens });
  return [wait(first), wait(later)];
}

/** One run's watch over its editor calls: notices for windowed files, silent truncation and a cold first load. */
export class EditorCallWatch {
  private readonly warnedTruncation = new Set<string>();
  private readonly windowed = new Set<number>();
  private first?: { result: ModelResult; step: number };
  private coldChecked = false;

  constructor(private readonly emit: Emit) {}

  /** Counts and fits the prompt of one call; says once per step when the file was windowed. */
  async prepare(plan: EditorCallPlan, build: BuildMessages): Promise<FittedPrompt> {
    const fitted = await fitEditorPrompt(plan, build);
    const notice = windowNotice(plan, fitted);
    if (notice && !this.windowed.has(plan.step)) {
      this.windowed.add(plan.step);
      this.emit({ type: 'notice', level: 'info', message: notice, step: plan.step });
    }
    return fitted;
  }

  /** Compares what the model reports with what was sent, and the first call's wait with the next one's. */
  check(plan: EditorCallPlan, fitted: FittedPrompt, result: ModelResult): void {
    const warning = truncationWarning(plan.role, fitted.sentTokens, result.promptTokens);
    if (warning && !this.warnedTruncation.has(plan.role.role)) {
      this.warnedTruncation.add(plan.role.role);
      this.emit({ type: 'notice', level: 'warn', message: warning, step: plan.step });
    }
    if (plan.role.role !== 'editor' || this.coldChecked) return;
    if (!this.first) {
      this.first = { result, step: plan.step };
      return;
    }
    this.coldChecked = true;
    const notice = coldLoadNotice(plan.role, ...timings(this.first.result, result));
    if (notice) this.emit({ type: 'notice', level: 'info', message: notice, step: this.first.step });
  }
}

const watches = new WeakMap<object, EditorCallWatch>();

/** The watch of one run (keyed by its context object), made on first use. */
export function editorCallWatch(run: object, emit: Emit): EditorCallWatch {
  let watch = watches.get(run);
  if (!watch) {
    watch = new EditorCallWatch(emit);
    watches.set(run, watch);
  }
  return watch;
}

/** The resolved role behind an editing client: the editor, or the fallback model. */
export function roleConfigOf(config: ResolvedConfig, role: RoleName): ResolvedRole {
  const found = role === 'fallback' ? config.fallback : config.editor;
  if (!found) throw new Error(`no ${role} role is configured`);
  return found;
}
