import type { SavedPlan } from '../architect/types.js';
import type { PlanApproval } from '../pipeline/run.js';
import { editText, textAt, type EditKey, type TextState } from './text-edit.js';

/** The plan review screen's state: where the cursor is, which steps are on, the instructions as edited. */
export interface ReviewState {
  cursor: number;
  selected: boolean[];
  instructions: string[];
  /** The instructions of the step under the cursor while they are being edited. */
  editing: TextState | null;
  /** After `r`: what the user wants changed, as it is typed, before the architect is asked for a revised plan. */
  feedback: TextState | null;
}

/** What a key did on the review screen. */
export interface ReviewStep {
  state: ReviewState;
  outcome?: 'approve' | 'cancel' | 'revise';
  /** With `revise`: the feedback for the architect. */
  feedback?: string;
}

/** Every step on, nothing edited. */
export function initialReview(plan: SavedPlan): ReviewState {
  return { cursor: 0, selected: plan.steps.map(() => true), instructions: plan.steps.map((step) => step.instructions), editing: null, feedback: null };
}

/** One key on the review screen: ↑↓ move, space toggles, `e` edits, `r` asks for a revision, enter approves, esc cancels (or ends an edit unsaved). */
export function reviewKey(state: ReviewState, input: string, key: EditKey): ReviewStep {
  if (state.feedback) {
    if (key.escape) return { state: { ...state, feedback: null } };
    const typed = editText(state.feedback, input, key);
    if (!typed.submit) return { state: { ...state, feedback: typed.state } };
    const feedback = typed.state.value.trim();
    // An empty answer asks nothing: back to the review.
    return feedback === '' ? { state: { ...state, feedback: null } } : { state: { ...state, feedback: null }, outcome: 'revise', feedback };
  }
  if (state.editing) {
    if (key.escape) return { state: { ...state, editing: null } };
    const edited = editText(state.editing, input, key);
    if (!edited.submit) return { state: { ...state, editing: edited.state } };
    const instructions = [...state.instructions];
    instructions[state.cursor] = edited.state.value.trim() || instructions[state.cursor];
    return { state: { ...state, instructions, editing: null } };
  }
  const count = state.selected.length;
  if (key.upArrow || input === 'k') return { state: { ...state, cursor: (state.cursor - 1 + count) % count } };
  if (key.downArrow || input === 'j') return { state: { ...state, cursor: (state.cursor + 1) % count } };
  if (input === ' ') {
    const selected = [...state.selected];
    selected[state.cursor] = !selected[state.cursor];
    return { state: { ...state, selected } };
  }
  if (input === 'a') return { state: { ...state, selected: state.selected.map(() => !state.selected.every(Boolean)) } };
  if (input === 'e') return { state: { ...state, editing: textAt(state.instructions[state.cursor]) } };
  if (input === 'r') return { state: { ...state, feedback: textAt('') } };
  if (key.return) return { state, outcome: 'approve' };
  if (key.escape || input === 'q') return { state, outcome: 'cancel' };
  return { state };
}

/** The answer to the pipeline: the chosen steps, and the plan itself, a new one only when instructions were edited. */
export function approvalOf(plan: SavedPlan, state: ReviewState): PlanApproval {
  const selected = state.selected.flatMap((on, index) => (on ? [index] : []));
  const edited = plan.steps.some((step, index) => step.instructions !== state.instructions[index]);
  if (!edited) return { selected, plan };
  return { selected, plan: { ...plan, steps: plan.steps.map((step, index) => ({ ...step, instructions: state.instructions[index] })) } };
}
