import { Box, Text, useInput } from 'ink';
import { useRef } from 'react';
import { freshCursor, recall } from './prompt-history.js';
import { textAt, type TextState } from './text-edit.js';
import { TextField } from './TextField.js';
import { useTextInput } from './use-text-input.js';
import { useTheme } from './use-theme.js';

/** Props of TaskInput. */
export interface TaskInputProps {
  value: TextState;
  onChange(state: TextState): void;
  onSubmit(line: string): void;
  /** Lines entered earlier in the session, oldest first: ↑ and ↓ bring them back. */
  history?: readonly string[];
}

/** The prompt: a task to plan and apply, or a slash command. */
export function TaskInput({ value, onChange, onSubmit, history = [] }: TaskInputProps) {
  const theme = useTheme();
  const cursor = useRef(freshCursor);
  const latest = useRef(value);
  latest.current = value;
  useTextInput(value, { onChange, onSubmit });
  useInput((_input, key) => {
    if (!key.upArrow && !key.downArrow) return;
    const next = recall(history, cursor.current, latest.current.value, key.upArrow ? 'up' : 'down');
    if (!next) return;
    cursor.current = next.cursor;
    latest.current = textAt(next.value);
    onChange(latest.current);
  });
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box>
        <Text color={theme.accent} bold>
          {'› '}
        </Text>
        <TextField state={value} placeholder="describe a change, or /help" />
      </Box>
      <Text dimColor>
        enter plan and apply · ↑ earlier tasks · /help commands · ctrl-c quit
      </Text>
    </Box>
  );
}
