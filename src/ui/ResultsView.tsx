import { Box, Text, useInput } from 'ink';
import type { RunState } from './run-state.js';
import { useTheme } from './use-theme.js';

/** Props of ResultsView. */
export interface ResultsViewProps {
  run: RunState;
  /** The cost table and where the commits went, already laid out for the width. */
  summary: string;
  cursor: number;
  onCursor(index: number): void;
  onOpen(index: number): void;
  onDone(): void;
}

/** The finished run: the cost table with totals and the saving, and the applied steps whose diffs can be opened. */
export function ResultsView({ run, summary, cursor, onCursor, onOpen, onDone }: ResultsViewProps) {
  const theme = useTheme();
  const applied = run.steps.filter((step) => step.commit);
  const position = Math.max(applied.findIndex((step) => step.index === cursor), 0);
  useInput((input, key) => {
    if (input === 'n' || key.escape) return onDone();
    if (applied.length === 0) return;
    if (key.upArrow || input === 'k') onCursor(applied[(position - 1 + applied.length) % applied.length].index);
    if (key.downArrow || input === 'j') onCursor(applied[(position + 1) % applied.length].index);
    if (key.return) onOpen(applied[position].index);
  });
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text>{summary}</Text>
      {applied.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          {applied.map((step, i) => (
            <Text key={step.index} wrap="truncate-end" bold={i === position} dimColor={Boolean(step.revertedBy)}>
              <Text color={i === position ? theme.accent : undefined}>{i === position ? '›' : ' '}</Text> {step.index + 1} {step.file} ·{' '}
              {step.commit?.slice(0, 7)}
              {step.revertedBy ? ` · reverted by ${step.revertedBy.slice(0, 7)}` : ''}
            </Text>
          ))}
        </Box>
      )}
      <Text dimColor>
        {applied.length > 0 ? '↑↓ select · enter open the diff · n next task' : 'n next task'}
      </Text>
    </Box>
  );
}
