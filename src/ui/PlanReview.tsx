import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { SavedPlan } from '../architect/types.js';
import type { PlanApproval } from '../pipeline/run.js';
import { formatLatency, formatTokens, formatUsd } from '../report/format.js';
import { reviewWarning } from '../workspace/target-policy.js';
import { listWindow } from './list-window.js';
import { approvalOf, initialReview, reviewKey, type ReviewState } from './plan-review-state.js';
import { TextField } from './TextField.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

/** Props of PlanReview. */
export interface PlanReviewProps {
  plan: SavedPlan;
  onAnswer(approval: PlanApproval): void;
  /** `r`, then the feedback: ask the architect for a revised plan, which comes back to this screen. */
  onRevise(feedback: string): void;
}

/** The plan as a checklist: arrows move, space toggles, `e` edits the step's instructions in place, enter applies. */
export function PlanReview({ plan, onAnswer, onRevise }: PlanReviewProps) {
  const theme = useTheme();
  const { rows } = useTerminalSize();
  const [state, setState] = useState<ReviewState>(() => initialReview(plan));
  const latest = useRef(state);
  latest.current = state;
  useInput((input, key) => {
    if (key.ctrl && input === 'c') return;
    const next = reviewKey(latest.current, input, key);
    latest.current = next.state;
    setState(next.state);
    if (next.outcome === 'approve') onAnswer(approvalOf(plan, next.state));
    if (next.outcome === 'cancel') onAnswer({ selected: [], plan });
    if (next.outcome === 'revise' && next.feedback) onRevise(next.feedback);
  });

  const chosen = state.selected.filter(Boolean).length;
  const { first, end } = listWindow(plan.steps.length, state.cursor, rows - 14);
  const shown = plan.steps.slice(first, end);
  const call = plan.architect;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>{plan.summary || plan.task}</Text>
      <Text dimColor wrap="truncate-end">
        plan {plan.id} · {call.model} · {formatTokens(call.promptTokens, call.completionTokens)} tokens · {formatLatency(call.latencyMs)} · {formatUsd(call.costUsd)}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {first > 0 && <Text dimColor>  … {first} more above</Text>}
        {shown.map((step, offset) => {
          const index = first + offset;
          const here = index === state.cursor;
          const action = step.action === 'edit' ? '' : ` (${step.action})`;
          const after = step.depends_on.length > 0 ? ` · after ${step.depends_on.map((d) => d + 1).join(', ')}` : '';
          const missing = state.selected[index] ? step.depends_on.filter((d) => !state.selected[d]) : [];
          const warning = reviewWarning(step.file);
          return (
            <Text key={index} wrap="truncate-end" bold={here} dimColor={!state.selected[index]}>
              <Text color={here ? theme.accent : undefined}>{here ? '›' : ' '}</Text> [{state.selected[index] ? 'x' : ' '}] {index + 1} {step.title} · {step.file}
              {action}
              {missing.length > 0 ? <Text color={theme.warn}> · needs {missing.map((d) => d + 1).join(', ')} (left out)</Text> : after}
              {warning && <Text color={theme.warn}> · ⚠ {warning}</Text>}
            </Text>
          );
        })}
        {end < plan.steps.length && <Text dimColor>  … {plan.steps.length - end} more below</Text>}
      </Box>
      {state.feedback ? (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>What should change? The architect revises the plan, and the new one comes back here:</Text>
          <Box paddingLeft={2}>
            <TextField state={state.feedback} placeholder="e.g. one step per file, and keep the old function as a wrapper" />
          </Box>
        </Box>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Text dimColor>Instructions for step {state.cursor + 1}{state.editing ? ' (editing)' : ''}:</Text>
          <Box paddingLeft={2}>{state.editing ? <TextField state={state.editing} /> : <Text>{state.instructions[state.cursor]}</Text>}</Box>
        </Box>
      )}
      <Text dimColor>
        {state.feedback
          ? 'enter ask for the revised plan · esc back to the plan'
          : state.editing
            ? 'enter keep the new instructions · esc discard the edit'
            : `↑↓ move · space toggle · e edit · r revise · enter apply ${chosen} of ${plan.steps.length} · esc cancel`}
      </Text>
    </Box>
  );
}
