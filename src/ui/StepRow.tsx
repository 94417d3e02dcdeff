import { Box, Text } from 'ink';
import { formatRate, stepCost, stepElapsed, tokensPerSecond } from './run-figures.js';
import type { StepView } from './run-state.js';
import { Spinner } from './Spinner.js';
import { useTheme } from './use-theme.js';

/** One step of a running plan: status, title and file; then the numbers first (so a narrow screen cuts the names), then model and provider. */
export function StepRow({ step, now, selected }: { step: StepView; now: number; selected: boolean }) {
  const theme = useTheme();
  const icon =
    step.status === 'running' ? (
      <Spinner now={now} />
    ) : step.status === 'applied' ? (
      <Text color={theme.ok}>✓</Text>
    ) : step.status === 'failed' ? (
      <Text color={theme.error}>✗</Text>
    ) : (
      <Text dimColor>{step.status === 'skipped' ? '-' : '·'}</Text>
    );
  const who = step.model ? `${step.model}${step.provider ? ` via ${step.provider}` : ''}${step.attempt > 1 ? ` · attempt ${step.attempt}` : ''}` : '';
  const figures = `${formatRate(tokensPerSecond(step))} · ${stepElapsed(step, now)} · ${stepCost(step)}`;
  const detail =
    step.status === 'pending'
      ? 'waiting'
      : step.status === 'failed' || step.status === 'skipped'
        ? `${step.reason ?? step.status}`
        : `${figures}${who ? ` · ${who}` : ''}${step.commit ? ` · ${step.commit.slice(0, 7)}` : ''}${step.revertedBy ? ' · reverted' : ''}`;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" bold={selected}>
        <Text color={selected ? theme.accent : undefined}>{selected ? '›' : ' '}</Text> {icon} {step.index + 1} {step.title} · {step.file}
      </Text>
      <Text wrap="truncate-end" dimColor={step.status !== 'failed'} color={step.status === 'failed' ? theme.error : undefined}>
        {'    '}
        {detail}
      </Text>
    </Box>
  );
}
