import { useCallback, useReducer, type Dispatch } from 'react';
import { TandemError } from '../errors.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { initialRunState, reduceRun, type RunAction, type RunState } from './run-state.js';

/** The run as state, and how to feed it. */
export interface PipelineHook {
  state: RunState;
  /** Reads a pipeline's events to the end, reducing each into `state`; an error ends the run as `failed`. */
  consume(task: string, start: () => AsyncIterable<PipelineEvent>): Promise<void>;
  dispatch: Dispatch<RunAction>;
}

/** Adapts the pipeline's event generator to React state through the pure `reduceRun`, stamping each event with the clock. */
export function usePipeline(now: () => number): PipelineHook {
  const [state, dispatch] = useReducer(reduceRun, initialRunState);
  const consume = useCallback(
    async (task: string, start: () => AsyncIterable<PipelineEvent>) => {
      dispatch({ type: 'start', task, at: now() });
      try {
        for await (const event of start()) dispatch({ type: 'event', event, at: now() });
      } catch (error) {
        dispatch({ type: 'error', ...describeError(error) });
      }
    },
    [now],
  );
  return { state, consume, dispatch };
}

/** What the user is told about an error: a TandemError's own message and hint, anything else as it is. */
export function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof TandemError) return { message: error.message, hint: error.hint };
  return { message: error instanceof Error ? error.message : String(error) };
}
