/** A line of text being typed, and where the cursor is (0..value.length). */
export interface TextState {
  value: string;
  cursor: number;
}

/** The keys a text field reacts to (a subset of ink's Key). */
export interface EditKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
}

/** A text field's answer to one key: the new text, and whether the key submitted it. */
export interface EditResult {
  state: TextState;
  submit: boolean;
}

/** A field holding `value` with the cursor at its end. */
export function textAt(value: string): TextState {
  return { value, cursor: value.length };
}

/**
 * Applies one keypress to a text field. Terminals send the erase key as DEL, which ink reports as
 * `delete`: both erase before the cursor. Pasted text arrives in one piece; a newline in it submits
 * what came before it, so "fix the bug\r" typed in one burst still reads as a task and enter.
 */
export function editText(state: TextState, input: string, key: EditKey): EditResult {
  const { value, cursor } = state;
  const at = (next: string, nextCursor: number): EditResult => ({ state: { value: next, cursor: nextCursor }, submit: false });
  if (key.return) return { state, submit: true };
  if (key.backspace || key.delete) return cursor === 0 ? { state, submit: false } : at(value.slice(0, cursor - 1) + value.slice(cursor), cursor - 1);
  if (key.leftArrow) return at(value, Math.max(cursor - 1, 0));
  if (key.rightArrow) return at(value, Math.min(cursor + 1, value.length));
  if (key.home || (key.ctrl && input === 'a')) return at(value, 0);
  if (key.end || (key.ctrl && input === 'e')) return at(value, value.length);
  if (key.ctrl && input === 'u') return at(value.slice(cursor), 0);
  if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || input === '') return { state, submit: false };
  const newline = input.search(/[\r\n]/);
  const typed = (newline === -1 ? input : input.slice(0, newline)).replace(/[\x00-\x1f\x7f]/g, '');
  const next = at(value.slice(0, cursor) + typed + value.slice(cursor), cursor + typed.length);
  return { state: next.state, submit: newline !== -1 };
}
