import { describe, expect, it } from 'vitest';
import { editText, textAt, type TextState } from '../../src/ui/text-edit.js';

const at = (value: string, cursor: number): TextState => ({ value, cursor });

describe('editText', () => {
  it('inserts typed and pasted text at the cursor', () => {
    expect(editText(at('fix bug', 4), 'the ', {})).toEqual({ state: at('fix the bug', 8), submit: false });
    expect(editText(textAt(''), 'add a test', {})).toEqual({ state: at('add a test', 10), submit: false });
  });

  it('erases before the cursor on backspace and on DEL (which ink reports as delete)', () => {
    expect(editText(at('abc', 2), '', { backspace: true }).state).toEqual(at('ac', 1));
    expect(editText(at('abc', 3), '', { delete: true }).state).toEqual(at('ab', 2));
    expect(editText(at('abc', 0), '', { delete: true }).state).toEqual(at('abc', 0));
  });

  it('moves the cursor within the text', () => {
    expect(editText(at('abc', 0), '', { leftArrow: true }).state.cursor).toBe(0);
    expect(editText(at('abc', 3), '', { rightArrow: true }).state.cursor).toBe(3);
    expect(editText(at('abc', 2), '', { home: true }).state.cursor).toBe(0);
    expect(editText(at('abc', 0), 'e', { ctrl: true }).state.cursor).toBe(3);
    expect(editText(at('abc', 1), 'a', { ctrl: true }).state.cursor).toBe(0);
    expect(editText(at('abcdef', 4), 'u', { ctrl: true }).state).toEqual(at('ef', 0));
  });

  it('submits on enter, and on a newline inside a burst of input, keeping only what came before it', () => {
    expect(editText(at('task', 4), '', { return: true })).toEqual({ state: at('task', 4), submit: true });
    expect(editText(textAt(''), 'add subtraction\rignored', {})).toEqual({ state: at('add subtraction', 15), submit: true });
  });

  it('ignores other control keys and strips control characters from pasted text', () => {
    for (const key of [{ escape: true }, { tab: true }, { upArrow: true }, { downArrow: true }, { meta: true }, { ctrl: true }]) {
      expect(editText(at('x', 1), 'q', key)).toEqual({ state: at('x', 1), submit: false });
    }
    expect(editText(textAt(''), 'a\x07b', {}).state).toEqual(at('ab', 2));
  });
});
