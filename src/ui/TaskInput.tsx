import { Box, Text } from 'ink';
import type { TextState } from './text-edit.js';
import { TextField } from './TextField.js';
import { useTextInput } from './use-text-input.js';
import { useTheme } from './use-theme.js';

/** Props of TaskInput. */
export interface TaskInputProps {
  value: TextState;
  onChange(state: TextState): void;
  onSubmit(line: string): void;
}

/** The prompt: a task to plan and apply, or a slash command. */
export function TaskInput({ value, onChange, onSubmit }: TaskInputProps) {
  const theme = useTheme();
  useTextInput(value, { onChange, onSubmit });
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box>
        <Text color={theme.accent} bold>
          {'› '}
        </Text>
        <TextField state={value} placeholder="describe a change, or /help" />
      </Box>
      <Text dimColor>
        enter plan and apply · /help commands · ctrl-c quit
      </Text>
    </Box>
  );
}
