import type { PlanStep } from '../architect/types.js';
import { TandemError } from '../errors.js';
import type { ChatMessage } from '../gateway/types.js';
import { renderDependencies, type ContextDetail, type DependencyChange } from './dependency-context.js';
import type { ConcreteEditFormat } from './format.js';
import { cleanPath } from './paths.js';
import { fillTemplate, loadTemplate } from '../prompts.js';

export { chooseEditFormat } from './format.js';

/** Everything the editor prompt is assembled from. */
export interface EditorPromptInput {
  task: string;
  planSummary: string;
  step: PlanStep;
  stepIndex: number;
  /** The file as it is now (with any blocks of earlier attempts applied); null for a file to create. */
  content: string | null;
  format: ConcreteEditFormat;
  /** What went wrong with the previous attempt, from the engine. */
  feedback?: string;
  /** The previous attempts were in another format: the feedback asks for the whole file instead. */
  escalation?: boolean;
  /** Show only these lines (1-based, inclusive) of a file too big for the editor's context. */
  window?: { startLine: number; endLine: number };
  /** The project rules that apply to this file, rendered (src/rules); appended to the system prompt. */
  rules?: string;
  /** What the steps this one depends on committed, shown as context before the file, and how much of it. */
  dependencies?: { changes: DependencyChange[]; detail: ContextDetail };
}

/** A fence longer than any fence inside the content, so the content cannot close it early. */
function fenceFor(content: string): string {
  const runs = content.match(/^\s*`{3,}/gm) ?? [];
  const longest = runs.reduce((n, r) => Math.max(n, r.trim().length), 0);
  return '`'.repeat(Math.max(3, longest + 1));
}

function fileSection(input: EditorPromptInput): string {
  const { file } = input.step;
  if (input.content === null) return `${file} does not exist yet: write its complete content.`;
  const lines = input.content.replace(/\n$/, '').split('\n');
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1] ?? '';
  let intro = `Current content of ${file}:`;
  let shown = input.content;
  const w = input.window;
  if (w && (w.startLine > 1 || w.endLine < lines.length)) {
    if (input.format === 'whole') throw new TandemError('the whole-file format needs the whole file in the prompt, not a window');
    shown = lines.slice(w.startLine - 1, w.endLine).join('\n') + '\n';
    intro = `Lines ${w.startLine}-${w.endLine} of ${lines.length} of ${file} (the rest is not shown; quote only lines shown here):`;
  }
  if (input.content === '') return `${file} exists but is empty.`;
  const fence = fenceFor(shown);
  return `${intro}\n\n${file}\n${fence}${ext}\n${shown.endsWith('\n') ? shown : `${shown}\n`}${fence}`;
}

/** The dependency context (src/editor/dependency-context.ts) goes right before the file it is not part of. */
function withDependencies(input: EditorPromptInput, section: string): string {
  const deps = input.dependencies ? renderDependencies(input.dependencies.changes, input.dependencies.detail, cleanPath(input.step.file)) : '';
  return deps ? `${deps}\n\n${section}` : section;
}

/**
 * The editor's messages for one step: the format's system prompt and a user message with the
 * task, the step and the file, plus the retry feedback when there is some. Delete steps need no
 * editor and are refused here.
 */
export function buildEditorMessages(input: EditorPromptInput): ChatMessage[] {
  const { step } = input;
  if (step.action === 'delete') throw new TandemError('a delete step needs no editor call');
  const values = {
    task: input.task.trim(),
    planSummary: input.planSummary.trim(),
    stepNumber: String(input.stepIndex + 1),
    stepTitle: step.title.trim(),
    file: step.file,
    action: step.action,
    instructions: step.instructions.trim(),
    fileSection: withDependencies(input, fileSection(input)),
  };
  let user = fillTemplate(loadTemplate('editor-task.md'), values).trimEnd();
  if (input.feedback) {
    const template = input.escalation ? 'editor-escalate.md' : 'editor-retry.md';
    user += `\n\n${fillTemplate(loadTemplate(template), { ...values, feedback: input.feedback.trim() }).trimEnd()}`;
  }
  let system = fillTemplate(loadTemplate(`editor-${input.format}.md`), { file: step.file }).trimEnd();
  // Project rules: part of the system prompt, so retries of a step share it as a cached prefix.
  if (input.rules) system += `\n\n${input.rules.trim()}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
