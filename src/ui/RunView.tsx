import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { listWindow } from './list-window.js';
import { runCost, runProgress } from './run-figures.js';
import type { RunState } from './run-state.js';
import { StepRow } from './StepRow.js';
import { useNow } from './use-clock.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

/** Props of RunView. */
export interface RunViewProps {
  run: RunState;
  cursor: number;
  onCursor(index: number): void;
  onOpen(index: number): void;
}

/**
 * The steps as they run: a live row each, the cost so far, and a cursor to open an applied step's diff.
 * Until an arrow is pressed the cursor follows the step at work; a long plan shows the rows around it.
 */
export function RunView({ run, cursor, onCursor, onOpen }: RunViewProps) {
  const now = useNow();
  const theme = useTheme();
  const { rows } = useTerminalSize();
  const [follow, setFollow] = useState(true);
  const steps = run.steps.filter((step) => !(step.status === 'skipped' && step.reason === 'left out of this run'));
  const working = steps.findIndex((step) => step.status === 'running' || step.status === 'pending');
  const position = follow ? (working === -1 ? steps.length - 1 : working) : Math.max(steps.findIndex((step) => step.index === cursor), 0);
  useInput((input, key) => {
    if (steps.length === 0) return;
    const move = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : 0;
    if (move !== 0) {
      setFollow(false);
      onCursor(steps[(position + move + steps.length) % steps.length].index);
    }
    if (key.return) onOpen(steps[position].index);
  });
  const { first, end } = listWindow(steps.length, position, Math.floor((rows - 10 - run.notices.length) / 2));
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        Applying {steps.length} step{steps.length === 1 ? '' : 's'} on <Text bold>{run.branch}</Text>
      </Text>
      {first > 0 && <Text dimColor>  … {first} more above</Text>}
      {steps.slice(first, end).map((step, i) => (
        <StepRow key={step.index} step={step} now={now} selected={first + i === position} />
      ))}
      {end < steps.length && <Text dimColor>  … {steps.length - end} more below</Text>}
      {run.notices.map((notice, i) => (
        <Text key={i} color={theme.warn} wrap="truncate-end">
          ! {notice}
        </Text>
      ))}
      <Text wrap="truncate-end">
        Cost so far <Text bold>{runCost(run)}</Text> · {runProgress(run)}
      </Text>
      {run.cancelling ? (
        <Text color={theme.warn}>Cancelling: waiting for calls in flight to stop… ctrl-c again quits</Text>
      ) : (
        <Text dimColor>↑↓ select · enter open an applied step's diff · ctrl-c cancel</Text>
      )}
    </Box>
  );
}
