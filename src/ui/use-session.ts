import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedPlan } from '../architect/types.js';
import type { PlanApproval } from '../pipeline/run.js';
import type { RunState } from './run-state.js';
import type { SessionServices } from './session-services.js';
import { helpText, parsePromptLine, unknownSlashHint, type SlashName } from './slash-commands.js';
import { remainingApplied } from './revert-count.js';
import { revertNotes, runSummaryText } from './table-text.js';
import { textAt, type TextState } from './text-edit.js';
import { useClock } from './use-clock.js';
import { describeError, usePipeline } from './use-pipeline.js';
import { usePlanApproval } from './use-plan-approval.js';
import { useTerminalSize } from './use-terminal-size.js';

/** One entry of the session's scrollback: written once, never redrawn. */
export interface HistoryItem {
  id: number;
  kind: 'banner' | 'task' | 'output' | 'error';
  text: string;
  hint?: string;
  /** Tables: each line is cut at the screen's edge rather than wrapped into a broken layout. */
  preformatted?: boolean;
}

/** A one-line message under the current screen. */
export interface Status {
  text: string;
  tone: 'info' | 'error';
}

/** The session as the screens see it: state to draw, and the moves the keys make. */
export interface SessionHook {
  history: HistoryItem[];
  run: RunState;
  /** The plan waiting for review, while the pipeline waits for the answer. */
  pendingPlan: SavedPlan | null;
  /** A run is in flight. */
  active: boolean;
  /** The finished run's table is in the scrollback. */
  announced: boolean;
  /** A slash command or a revert at work. */
  busy: string | null;
  status: Status | null;
  prompt: TextState;
  setPrompt(state: TextState): void;
  /** The lines entered so far (tasks and commands), oldest first, for ↑ in the prompt. */
  entered: string[];
  submit(line: string): void;
  answerPlan(approval: PlanApproval): void;
  /** Asks the architect to revise the plan under review with this feedback; the revised plan is reviewed in its place. */
  revisePlan(feedback: string): void;
  /** A revision of the plan under review is being planned. */
  revising: boolean;
  /** The step row the cursor is on (plan index). */
  cursor: number;
  setCursor(index: number): void;
  diffIndex: number | null;
  openDiff(index: number): void;
  closeDiff(): void;
  revertStep(index: number): void;
  /** Leaves the finished run's screen for the prompt, noting any step reverted meanwhile in the scrollback. */
  dismissRun(): void;
  /** Ctrl-C: cancel the run in flight; again, or when idle, quit. */
  interrupt(): void;
}

const DEFAULT_LOG_LIMIT = 20;

/** The session's controller: runs tasks through the injected services and keeps what the screens show. */
export function useSession(services: SessionServices, quit: (exitCode: number) => void, initialPrompt = ''): SessionHook {
  const clock = useClock();
  const size = useTerminalSize();
  const pipeline = usePipeline(clock.now);
  const approval = usePlanApproval();
  const [history, setHistory] = useState<HistoryItem[]>(() => [{ id: 0, kind: 'banner', text: bannerText(services) }]);
  const [active, setActive] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [prompt, setPrompt] = useState<TextState>(textAt(initialPrompt));
  const [entered, setEntered] = useState<string[]>([]);
  const [revising, setRevising] = useState(false);
  const [cursor, setCursor] = useState(0);
  const [diffIndex, setDiffIndex] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const cancelled = useRef<'plan' | 'run' | null>(null);
  const [announced, setAnnounced] = useState(false);
  const { state: run, dispatch } = pipeline;

  const say = useCallback((kind: HistoryItem['kind'], text: string, extra: Pick<HistoryItem, 'hint' | 'preformatted'> = {}) => {
    setHistory((items) => [...items, { id: items.length, kind, text, ...extra }]);
  }, []);

  // The tree is checked once the screen is up (start-up stays fast) and said before the first task is typed.
  useEffect(() => {
    let live = true;
    services.checkTree().then(
      (note) => live && say('output', note),
      (error: unknown) => live && say('error', `could not check the working tree: ${describeError(error).message}`),
    );
    return () => {
      live = false;
    };
  }, [services, say]);

  // A run that ended without a report leaves its reason in the scrollback and gives the prompt back.
  useEffect(() => {
    if (active || run.stage === 'idle' || run.stage === 'done') return;
    if (run.stage === 'failed') {
      if (cancelled.current === 'plan' && run.plan) say('output', `Plan ${run.plan.id} not applied. It is saved: "tandem apply ${run.plan.id}" runs it later.`);
      else if (cancelled.current) say('output', 'Cancelled: nothing was applied.');
      else say('error', run.error?.message ?? 'the run failed', { hint: run.error?.hint });
    }
    cancelled.current = null;
    dispatch({ type: 'reset' });
  }, [active, run.stage, run.plan, run.error, say, dispatch]);

  // The finished run's table goes to the scrollback at once (it can be long, and the live area must stay short),
  // in the same render that swaps the step rows for the picker, so no frame shows the picker without the table.
  useEffect(() => {
    if (run.stage !== 'done' || announced) return;
    setAnnounced(true);
    say('output', runSummaryText(run, size.columns, services.info.architectModel));
  }, [run, announced, size.columns, services, say]);

  const startRun = async (task: string) => {
    setAnnounced(false);
    const own = new AbortController();
    controller.current = own;
    cancelled.current = null;
    setActive(true);
    setCursor(0);
    try {
      await pipeline.consume(task, () => services.runTask(task, approval.decisions, own.signal));
    } finally {
      controller.current = null;
      setActive(false);
    }
  };

  const background = async (label: string, work: () => Promise<string>, preformatted = false) => {
    setBusy(label);
    try {
      say('output', await work(), { preformatted });
    } catch (error) {
      const { message, hint } = describeError(error);
      say('error', message, { hint });
    } finally {
      setBusy(null);
    }
  };

  const command = (name: SlashName, args: string[]) => {
    switch (name) {
      case 'help':
        return say('output', helpText());
      case 'quit':
        return quit(0);
      case 'config':
        return say('output', services.config(), { preformatted: true });
      case 'undo':
        return void background('Undoing the last run…', () => services.undo());
      case 'stats':
        return void background('Summing the activity log…', () => services.stats(size.columns), true);
      case 'log': {
        const limit = args[0] === undefined ? DEFAULT_LOG_LIMIT : Number(args[0]);
        if (!Number.isInteger(limit) || limit < 1) return say('error', `/log takes a number of calls, got "${args[0]}"`, { hint: 'e.g. /log 50' });
        return void background('Reading the activity log…', () => services.log(limit, size.columns), true);
      }
    }
  };

  const submit = (line: string) => {
    const parsed = parsePromptLine(line);
    setStatus(null);
    if (parsed.kind === 'empty' || active || busy) return;
    setPrompt(textAt(''));
    setEntered((lines) => (lines.at(-1) === line.trim() ? lines : [...lines, line.trim()]));
    say('task', line.trim());
    if (parsed.kind === 'unknown') {
      return say('error', `unknown command /${parsed.name}`, { hint: unknownSlashHint(parsed.name) });
    }
    if (parsed.kind === 'command') return command(parsed.name, parsed.args);
    void startRun(parsed.task);
  };

  // The run waits at its approval meanwhile; the revised plan replaces the pending one and only enter runs it.
  const revisePlan = async (feedback: string) => {
    const plan = approval.pending;
    const signal = controller.current?.signal;
    if (!plan || !signal || revising) return;
    setRevising(true);
    say('task', `revise: ${feedback}`);
    try {
      for await (const event of services.revisePlan(plan, feedback, signal)) {
        dispatch({ type: 'event', event, at: clock.now() });
        if (event.type === 'plan-ready') approval.replace(event.plan);
      }
    } catch (error) {
      // The plan under review stays as it was; the reason goes to the scrollback.
      if (!signal.aborted) {
        const { message, hint } = describeError(error);
        say('error', `the plan was not revised: ${message}`, { hint });
      }
    } finally {
      setRevising(false);
    }
  };

  const revertStep = async (index: number) => {
    const step = run.steps[index];
    if (!step?.commit || step.revertedBy || busy) return;
    if (active) return setStatus({ tone: 'info', text: 'The run is still going: revert this step once it has finished.' });
    setBusy(`Reverting step ${index + 1}…`);
    try {
      const commit = await services.revertStep(step.commit);
      dispatch({ type: 'reverted', index, commit });
      setDiffIndex(null);
    } catch (error) {
      setStatus({ tone: 'error', text: describeError(error).message });
    } finally {
      setBusy(null);
    }
  };

  const dismissRun = () => {
    if (run.stage !== 'done') return;
    const notes = revertNotes(run);
    if (notes) say('output', `${notes}\n${remainingApplied(run)}`);
    dispatch({ type: 'reset' });
    setDiffIndex(null);
    setStatus(null);
  };

  const leave = (exitCode: number) => {
    const notes = run.stage === 'done' ? revertNotes(run) : '';
    if (notes) say('output', `${notes}\n${remainingApplied(run)}`);
    quit(exitCode);
  };

  const interrupt = () => {
    const inFlight = controller.current;
    if (inFlight) {
      if (cancelled.current) return quit(130);
      cancelled.current = approval.pending ? 'plan' : 'run';
      dispatch({ type: 'cancel' });
      inFlight.abort();
      if (approval.pending) approval.answer({ selected: [], plan: approval.pending });
      return;
    }
    if (prompt.value !== '' && run.stage === 'idle') return setPrompt(textAt(''));
    leave(0);
  };

  return {
    history,
    run,
    pendingPlan: approval.pending,
    active,
    announced,
    busy,
    status,
    prompt,
    setPrompt,
    entered,
    submit,
    revisePlan: (feedback) => void revisePlan(feedback),
    revising,
    answerPlan: (answer) => {
      if (answer.selected.length === 0) cancelled.current = 'plan';
      approval.answer(answer);
    },
    cursor,
    setCursor,
    diffIndex,
    openDiff: (index) => {
      setStatus(null);
      if (run.steps[index]?.diff) setDiffIndex(index);
    },
    closeDiff: () => setDiffIndex(null),
    revertStep: (index) => void revertStep(index),
    dismissRun,
    interrupt,
  };
}

function bannerText(services: SessionServices): string {
  const { info } = services;
  return [
    `tandem session in ${info.root} (branch ${info.branch})`,
    `${info.architectModel} plans · ${info.editorModel}${info.editorProvider ? ` via ${info.editorProvider}` : ''} edits`,
    'Type a task and press enter, or /help.',
  ].join('\n');
}
