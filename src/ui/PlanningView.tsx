import { Box, Text } from 'ink';
import { formatInt, formatLatency } from '../report/format.js';
import type { RunState } from './run-state.js';
import { Spinner } from './Spinner.js';
import { useNow } from './use-clock.js';
import { useTheme } from './use-theme.js';

const TAIL_LINES = 6;

/** The architect at work: spinner, live token count, elapsed time, and the tail of its answer as it streams. */
export function PlanningView({ run }: { run: RunState }) {
  const now = useNow();
  const theme = useTheme();
  const architect = run.architect;
  const model = architect.model ?? 'the architect';
  const label =
    run.stage === 'planned'
      ? 'Plan ready, starting'
      : architect.round === 'files'
        ? `Planning with ${model} (with the files it asked for)`
        : architect.round === 'repair'
          ? `Asking ${model} to repair the plan`
          : `Planning with ${model}`;
  const elapsed = formatLatency(Math.max(now - (architect.startedAt ?? run.startedAt ?? now), 0));
  // Once the plan is parsed, its raw JSON is noise: the review shows the plan itself next.
  const tail = run.stage === 'planned' ? [] : architect.tail.split('\n').filter((line) => line.trim() !== '').slice(-TAIL_LINES);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        <Spinner now={now} /> {label}
        {run.stage === 'planning' ? ` · ${formatInt(architect.chunks)} tokens · ${elapsed}` : '…'}
      </Text>
      {run.stage === 'planned' ? null : tail.length === 0 ? (
        <Text dimColor>  waiting for the first token…</Text>
      ) : (
        tail.map((line, i) => (
          <Text key={i} dimColor wrap="truncate-end">
            {'  '}
            {line}
          </Text>
        ))
      )}
      {run.cancelling ? (
        <Text color={theme.warn}>Cancelling… ctrl-c again quits</Text>
      ) : (
        <Text dimColor>ctrl-c cancel</Text>
      )}
    </Box>
  );
}
