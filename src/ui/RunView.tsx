import { Box, Text, useInput } from 'ink';
import { runCost, runProgress } from './run-figures.js';
import type { RunState } from './run-state.js';
import { StepRow } from './StepRow.js';
import { useNow } from './use-clock.js';
import { useTheme } from './use-theme.js';

/** Props of RunView. */
export interface RunViewProps {
  run: RunState;
  cursor: number;
  onCursor(index: number): void;
  onOpen(index: number): void;
}

/** The steps as they run: a live row each, the cost so far, and the cursor to open an applied step's diff. */
export function RunView({ run, cursor, onCursor, onOpen }: RunViewProps) {
  const now = useNow();
  const theme = useTheme();
  const steps = run.steps.filter((step) => !(step.status === 'skipped' && step.reason === 'left out of this run'));
  const position = Math.max(steps.findIndex((step) => step.index === cursor), 0);
  useInput((input, key) => {
    if (steps.length === 0) return;
    if (key.upArrow || input === 'k') onCursor(steps[(position - 1 + steps.length) % steps.length].index);
    if (key.downArrow || input === 'j') onCursor(steps[(position + 1) % steps.length].index);
    if (key.return) onOpen(steps[position].index);
  });
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        Applying {steps.length} step{steps.length === 1 ? '' : 's'} on <Text bold>{run.branch}</Text>
      </Text>
      {steps.map((step, i) => (
        <StepRow key={step.index} step={step} now={now} selected={i === position} />
      ))}
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
        <Text dimColor>
          ↑↓ select · enter open an applied step's diff · ctrl-c cancel
        </Text>
      )}
    </Box>
  );
}
