import { Box, Text, useInput } from 'ink';
import { listWindow } from './list-window.js';
import type { RunState } from './run-state.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

/** Props of ResultsView. */
export interface ResultsViewProps {
  run: RunState;
  cursor: number;
  onCursor(index: number): void;
  onOpen(index: number): void;
  onDone(): void;
}

/** After the run (its table is already in the scrollback): the applied steps, each one's diff a key away. */
export function ResultsView({ run, cursor, onCursor, onOpen, onDone }: ResultsViewProps) {
  const theme = useTheme();
  const { rows } = useTerminalSize();
  const applied = run.steps.filter((step) => step.commit);
  const position = Math.max(applied.findIndex((step) => step.index === cursor), 0);
  useInput((input, key) => {
    if (input === 'n' || key.escape) return onDone();
    if (applied.length === 0) return;
    if (key.upArrow || input === 'k') onCursor(applied[(position - 1 + applied.length) % applied.length].index);
    if (key.downArrow || input === 'j') onCursor(applied[(position + 1) % applied.length].index);
    if (key.return) onOpen(applied[position].index);
  });
  const { first, end } = listWindow(applied.length, position, rows - 6);
  return (
    <Box flexDirection="column" marginTop={1}>
      {first > 0 && <Text dimColor>  … {first} more above</Text>}
      {applied.slice(first, end).map((step, i) => {
        const here = first + i === position;
        return (
          <Text key={step.index} wrap="truncate-end" bold={here} dimColor={Boolean(step.revertedBy)}>
            <Text color={here ? theme.accent : undefined}>{here ? '›' : ' '}</Text> {step.index + 1} {step.file} · {step.commit?.slice(0, 7)}
            {step.revertedBy ? ` · reverted by ${step.revertedBy.slice(0, 7)}` : ''}
          </Text>
        );
      })}
      {end < applied.length && <Text dimColor>  … {applied.length - end} more below</Text>}
      <Text dimColor>{applied.length > 0 ? '↑↓ select · enter open the diff · n next task' : 'n next task'}</Text>
    </Box>
  );
}
