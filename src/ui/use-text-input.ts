import { useInput } from 'ink';
import { useRef } from 'react';
import { editText, type TextState } from './text-edit.js';

/** Handlers of a text field; the field's text is owned by the caller. */
export interface TextInputHandlers {
  onChange(state: TextState): void;
  onSubmit(value: string): void;
  onEscape?(): void;
}

/**
 * Wires key presses to a controlled text field. The latest text is kept in a ref because several key
 * events can arrive before React has re-rendered with the previous change.
 */
export function useTextInput(value: TextState, handlers: TextInputHandlers, options: { isActive?: boolean } = {}): void {
  const latest = useRef(value);
  latest.current = value;
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') return;
      if (key.escape) {
        handlers.onEscape?.();
        return;
      }
      const result = editText(latest.current, input, key);
      latest.current = result.state;
      handlers.onChange(result.state);
      if (result.submit) handlers.onSubmit(result.state.value);
    },
    { isActive: options.isActive ?? true },
  );
}
