import { Box, Text } from 'ink';
import { DiffView } from './DiffView.js';
import { PlanningView } from './PlanningView.js';
import { PlanReview } from './PlanReview.js';
import { ResultsView } from './ResultsView.js';
import { RunView } from './RunView.js';
import { Spinner } from './Spinner.js';
import { TaskInput } from './TaskInput.js';
import { useNow } from './use-clock.js';
import type { SessionHook } from './use-session.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

/** The live part of the session: whichever screen the session is on, and a status line under it. */
export function SessionScreen({ session }: { session: SessionHook }) {
  const theme = useTheme();
  const { rows } = useTerminalSize();
  const { run } = session;
  const diffStep = session.diffIndex === null ? undefined : run.steps[session.diffIndex];
  let screen;
  if (diffStep?.diff) {
    screen = (
      <DiffView
        key={diffStep.index}
        step={diffStep}
        height={Math.max(rows - 5, 5)}
        canRevert={!session.active}
        onRevert={() => session.revertStep(diffStep.index)}
        onClose={session.closeDiff}
      />
    );
  } else if (session.pendingPlan && !session.revising) {
    screen = <PlanReview key={session.pendingPlan.id} plan={session.pendingPlan} onAnswer={session.answerPlan} onRevise={session.revisePlan} />;
  } else if (run.stage === 'planning' || run.stage === 'planned') {
    screen = <PlanningView run={run} />;
  } else if (run.stage === 'applying' || (run.stage === 'done' && !session.announced)) {
    screen = <RunView run={run} cursor={session.cursor} onCursor={session.setCursor} onOpen={session.openDiff} />;
  } else if (run.stage === 'done') {
    screen = (
      <ResultsView
        run={run}
        cursor={session.cursor}
        onCursor={session.setCursor}
        onOpen={session.openDiff}
        onDone={session.dismissRun}
      />
    );
  } else if (session.busy) {
    screen = null;
  } else {
    screen = <TaskInput value={session.prompt} onChange={session.setPrompt} onSubmit={session.submit} history={session.entered} />;
  }
  return (
    <Box flexDirection="column">
      {screen}
      {session.busy && <Busy label={session.busy} />}
      {session.status && (
        <Text color={session.status.tone === 'error' ? theme.error : theme.ok} wrap="truncate-end">
          {session.status.text}
        </Text>
      )}
    </Box>
  );
}

function Busy({ label }: { label: string }) {
  const now = useNow();
  return (
    <Text wrap="truncate-end">
      <Spinner now={now} /> {label}
    </Text>
  );
}
