import { Text } from 'ink';
import type { TextState } from './text-edit.js';

/** A line of typed text with its cursor shown as an inverted cell (no colour needed). */
export function TextField({ state, placeholder }: { state: TextState; placeholder?: string }) {
  if (state.value === '' && placeholder) {
    return (
      <Text>
        <Text inverse> </Text>
        <Text dimColor>{placeholder}</Text>
      </Text>
    );
  }
  const before = state.value.slice(0, state.cursor);
  const at = state.value.slice(state.cursor, state.cursor + 1) || ' ';
  const after = state.value.slice(state.cursor + 1);
  return (
    <Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}
