import type { SavedPlan } from '../architect/types.js';
import type { RoleName } from '../config/types.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { RunReport } from '../report/types.js';

/** One plan step as the screen shows it while the run goes on. */
export interface StepView {
  index: number;
  title: string;
  file: string;
  status: 'pending' | 'running' | 'applied' | 'failed' | 'skipped';
  attempt: number;
  role?: RoleName;
  model?: string;
  provider?: string;
  startedAt?: number;
  finishedAt?: number;
  /** Chunks streamed by the current attempt, and over how long: the live tokens per second. */
  chunks: number;
  streamMs: number;
  /** Summed over the step's finished calls, retries included. */
  completionTokens: number;
  latencyMs: number;
  costs: Array<number | null>;
  commit?: string;
  diff?: string;
  reason?: string;
  /** The commit that reverted this step, once the user has reverted it. */
  revertedBy?: string;
}

/** The architect's call as it streams. */
export interface ArchitectView {
  model?: string;
  round?: 'plan' | 'files' | 'repair';
  startedAt?: number;
  chunks: number;
  /** The tail of the streamed answer (bounded). */
  tail: string;
  completionTokens: number;
  costs: Array<number | null>;
}

/** Everything the run's screens need, built from pipeline events alone. */
export interface RunState {
  stage: 'idle' | 'planning' | 'planned' | 'applying' | 'done' | 'failed';
  task?: string;
  startedAt?: number;
  architect: ArchitectView;
  plan?: SavedPlan;
  branch?: string;
  steps: StepView[];
  notices: string[];
  /** Set once Ctrl-C asked the pipeline to stop. */
  cancelling: boolean;
  report?: RunReport;
  exitCode?: number;
  error?: { message: string; hint?: string };
}

/** What the reducer is fed: stamped pipeline events, and the session's own moments around them. */
export type RunAction =
  | { type: 'start'; task: string; at: number }
  | { type: 'event'; event: PipelineEvent; at: number }
  | { type: 'error'; message: string; hint?: string }
  | { type: 'cancel' }
  | { type: 'reverted'; index: number; commit: string }
  | { type: 'reset' };

const TAIL_CHARS = 4000;
const MAX_NOTICES = 4;

/** The state before any task. */
export const initialRunState: RunState = {
  stage: 'idle',
  architect: { chunks: 0, tail: '', completionTokens: 0, costs: [] },
  steps: [],
  notices: [],
  cancelling: false,
};

/** The pure reducer behind usePipeline: one action in, the next state out. */
export function reduceRun(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start':
      return { ...initialRunState, stage: 'planning', task: action.task, startedAt: action.at };
    case 'error':
      return { ...state, stage: 'failed', error: { message: action.message, hint: action.hint } };
    case 'cancel':
      return { ...state, cancelling: true };
    case 'reverted':
      return updateStep(state, action.index, () => ({ revertedBy: action.commit }));
    case 'reset':
      return initialRunState;
    case 'event':
      return reduceEvent(state, action.event, action.at);
  }
}

function reduceEvent(state: RunState, event: PipelineEvent, at: number): RunState {
  switch (event.type) {
    case 'architect-start':
      // A revision of the plan under review plans again; fix-up rounds during the run stay in their stage.
      return { ...state, stage: state.stage === 'planned' ? 'planning' : state.stage, architect: { ...state.architect, model: event.model, round: event.round, startedAt: at, chunks: 0, tail: '' } };
    case 'architect-delta':
      return { ...state, architect: { ...state.architect, chunks: event.chunks, tail: (state.architect.tail + event.text).slice(-TAIL_CHARS) } };
    case 'plan-ready':
      return { ...state, stage: 'planned', plan: event.plan };
    case 'apply-start':
      return {
        ...state,
        stage: 'applying',
        plan: event.plan,
        branch: event.branch,
        steps: event.plan.steps.map((step, index) => state.steps[index] ?? newStep(index, step.title, step.file)),
      };
    case 'step-start':
      return updateStep(state, event.index, (step) => ({
        status: 'running',
        attempt: event.attempt,
        role: event.role,
        model: event.model,
        provider: event.provider,
        file: event.file,
        startedAt: step.startedAt ?? at,
        chunks: 0,
        streamMs: 0,
      }));
    case 'step-delta':
      return updateStep(state, event.index, () => ({ chunks: event.chunks, streamMs: event.elapsedMs }));
    case 'step-applied':
      return updateStep(state, event.index, () => ({ status: 'applied', commit: event.commit, diff: event.diff, finishedAt: at }));
    case 'step-failed':
      return updateStep(state, event.index, () => ({ status: 'failed', reason: event.reason, finishedAt: at }));
    case 'step-skipped':
      return updateStep(state, event.index, () => ({ status: 'skipped', reason: event.reason, finishedAt: at }));
    case 'call-finished':
      return recordCall(state, event.record);
    case 'notice':
      return { ...state, notices: [...state.notices, event.message].slice(-MAX_NOTICES) };
    case 'budget-stop':
      return { ...state, notices: [...state.notices, event.stop.message].slice(-MAX_NOTICES) };
    case 'done':
      return { ...state, stage: 'done', report: event.report, exitCode: event.exitCode };
    default:
      return state;
  }
}

function recordCall(state: RunState, record: Extract<PipelineEvent, { type: 'call-finished' }>['record']): RunState {
  if (record.role === 'architect' || record.step === null) {
    const architect = state.architect;
    return { ...state, architect: { ...architect, completionTokens: architect.completionTokens + record.completionTokens, costs: [...architect.costs, callCost(record)] } };
  }
  return updateStep(state, record.step, (step) => ({
    completionTokens: step.completionTokens + record.completionTokens,
    latencyMs: step.latencyMs + record.latencyMs,
    costs: [...step.costs, callCost(record)],
  }));
}

// A failed call with no reported cost was not billed as far as anyone knows: it adds nothing, as in the run report.
function callCost(record: { status: 'ok' | 'error'; costUsd: number | null }): number | null {
  return record.status === 'error' && record.costUsd === null ? 0 : record.costUsd;
}

function newStep(index: number, title: string, file: string): StepView {
  return { index, title, file, status: 'pending', attempt: 0, chunks: 0, streamMs: 0, completionTokens: 0, latencyMs: 0, costs: [] };
}

function updateStep(state: RunState, index: number, change: (step: StepView) => Partial<StepView>): RunState {
  const plan = state.plan?.steps[index];
  const current = state.steps[index] ?? (plan ? newStep(index, plan.title, plan.file) : undefined);
  if (!current) return state;
  const steps = [...state.steps];
  steps[index] = { ...current, ...change(current) };
  return { ...state, steps };
}
