import { Box, Text, useInput } from 'ink';
import { useState } from 'react';
import { diffLines, scrollTo } from './diff-lines.js';
import type { StepView } from './run-state.js';
import type { Theme } from './theme.js';
import { useTheme } from './use-theme.js';

/** Props of DiffView. */
export interface DiffViewProps {
  step: StepView;
  /** Lines of diff shown at once. */
  height: number;
  /** Whether `r` may revert now (not while the run is still going). */
  canRevert: boolean;
  onRevert(): void;
  onClose(): void;
}

/** An applied step's diff, coloured and scrollable; `r` reverts the step's commit, esc keeps it. */
export function DiffView({ step, height, canRevert, onRevert, onClose }: DiffViewProps) {
  const theme = useTheme();
  const lines = diffLines(step.diff ?? '');
  const [offset, setOffset] = useState(0);
  const scroll = (delta: number) => setOffset((current) => scrollTo(current, delta, lines.length, height));
  useInput((input, key) => {
    if (key.upArrow || input === 'k') scroll(-1);
    else if (key.downArrow || input === 'j') scroll(1);
    else if (key.pageUp || input === 'b') scroll(-height);
    else if (key.pageDown || input === ' ') scroll(height);
    else if (key.home || input === 'g') scroll(-lines.length);
    else if (key.end || input === 'G') scroll(lines.length);
    else if (input === 'r' && !step.revertedBy) onRevert();
    else if (key.escape || key.return || input === 'q') onClose();
  });
  const shown = lines.slice(offset, offset + height);
  const last = Math.min(offset + height, lines.length);
  const revertHint = step.revertedBy ? `reverted by ${step.revertedBy.slice(0, 7)}` : canRevert ? 'r revert this step' : 'r after the run';
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold wrap="truncate-end">
        Step {step.index + 1} · {step.title} · {step.file} · {step.commit?.slice(0, 7)}
      </Text>
      {shown.map((line, i) => (
        <Text key={offset + i} wrap="truncate-end" color={colourOf(line.kind, theme)} bold={line.kind === 'file'}>
          {line.text === '' ? ' ' : line.text}
        </Text>
      ))}
      <Text dimColor>
        lines {lines.length === 0 ? 0 : offset + 1}-{last} of {lines.length} · ↑↓ pgup pgdn scroll · {revertHint} · esc keep
      </Text>
    </Box>
  );
}

function colourOf(kind: ReturnType<typeof diffLines>[number]['kind'], theme: Theme): string | undefined {
  if (kind === 'added') return theme.added;
  if (kind === 'removed') return theme.removed;
  if (kind === 'hunk') return theme.hunk;
  return undefined;
}
