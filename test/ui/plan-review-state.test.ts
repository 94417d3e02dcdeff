import { describe, expect, it } from 'vitest';
import { approvalOf, initialReview, reviewKey, type ReviewState } from '../../src/ui/plan-review-state.js';
import { PLAN } from './fixtures.js';

function keys(state: ReviewState, ...presses: Array<[string, Record<string, boolean>?]>): ReturnType<typeof reviewKey> {
  let step: ReturnType<typeof reviewKey> = { state };
  for (const [input, key] of presses) step = reviewKey(step.state, input, key ?? {});
  return step;
}

describe('plan review state', () => {
  it('starts with every step on and nothing edited; approving then answers with the same plan object', () => {
    const state = initialReview(PLAN);
    expect(state).toEqual({ cursor: 0, selected: [true, true], instructions: [PLAN.steps[0].instructions, PLAN.steps[1].instructions], editing: null, feedback: null });
    const step = reviewKey(state, '', { return: true });
    expect(step.outcome).toBe('approve');
    expect(approvalOf(PLAN, step.state)).toEqual({ selected: [0, 1], plan: PLAN });
    expect(approvalOf(PLAN, step.state).plan).toBe(PLAN);
  });

  it('moves with wrap-around, toggles with space, and toggles all with a', () => {
    const init = initialReview(PLAN);
    expect(keys(init, ['', { upArrow: true }]).state.cursor).toBe(1);
    expect(keys(init, ['j'], ['j']).state.cursor).toBe(0);
    const off = keys(init, ['', { downArrow: true }], [' ']).state;
    expect(off.selected).toEqual([true, false]);
    expect(approvalOf(PLAN, off).selected).toEqual([0]);
    expect(keys(off, ['a']).state.selected).toEqual([true, true]);
    expect(keys(init, ['a']).state.selected).toEqual([false, false]);
  });

  it('edits the instructions under the cursor: enter keeps them (trimmed, never empty), esc drops them', () => {
    const kept = keys(initialReview(PLAN), ['e'], [' Keep it pure. '], ['', { return: true }]);
    expect(kept.outcome).toBeUndefined();
    expect(kept.state.editing).toBeNull();
    expect(kept.state.instructions[0]).toBe('Add subtract(a, b) below add. Keep it pure.');
    const approval = approvalOf(PLAN, kept.state);
    expect(approval.plan).not.toBe(PLAN);
    expect(approval.plan.steps[0]).toEqual({ ...PLAN.steps[0], instructions: 'Add subtract(a, b) below add. Keep it pure.' });
    expect(approval.plan.steps[1]).toEqual(PLAN.steps[1]);

    const dropped = keys(initialReview(PLAN), ['e'], ['zzz'], ['', { escape: true }]);
    expect(dropped.state.instructions[0]).toBe(PLAN.steps[0].instructions);
    const emptied = keys(initialReview(PLAN), ['e'], ['', { ctrl: true }], ['u', { ctrl: true }], ['', { return: true }]);
    expect(emptied.state.instructions[0]).toBe(PLAN.steps[0].instructions);
  });

  it('while editing, keys are text: q, space and j do not act on the list', () => {
    const step = keys(initialReview(PLAN), ['e'], ['', { end: true }], [' q j']);
    expect(step.outcome).toBeUndefined();
    expect(step.state.editing?.value).toBe('Add subtract(a, b) below add. q j');
    expect(step.state.cursor).toBe(0);
    expect(step.state.selected).toEqual([true, true]);
  });

  it('esc or q outside an edit cancels', () => {
    expect(reviewKey(initialReview(PLAN), '', { escape: true }).outcome).toBe('cancel');
    expect(reviewKey(initialReview(PLAN), 'q', {}).outcome).toBe('cancel');
  });

  it('r takes feedback: enter answers revise with it, an empty answer or esc goes back to the plan', () => {
    const asking = reviewKey(initialReview(PLAN), 'r', {}).state;
    expect(asking.feedback).toEqual({ value: '', cursor: 0 });
    const typed = reviewKey(asking, 'one file only ', {}).state;
    expect(reviewKey(typed, '', { return: true })).toEqual({ state: { ...typed, feedback: null }, outcome: 'revise', feedback: 'one file only' });
    expect(reviewKey(asking, '', { return: true })).toEqual({ state: { ...asking, feedback: null } });
    expect(reviewKey(typed, '', { escape: true }).outcome).toBeUndefined();
    expect(reviewKey(typed, 'q', {}).state.feedback?.value).toBe('one file only q');
  });
});

