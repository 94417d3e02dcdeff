import type { SavedPlan } from '../architect/types.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { RunReport } from '../report/types.js';

/** What a command needs to know once the pipeline's events have run out. */
export interface Consumed {
  plan?: SavedPlan;
  planPath?: string;
  report?: RunReport;
  exitCode?: number;
}

/** Reads the pipeline's events to the end, passing each to `onEvent`, and keeps the results. */
export async function consume(events: AsyncIterable<PipelineEvent>, onEvent: (event: PipelineEvent) => void): Promise<Consumed> {
  const result: Consumed = {};
  for await (const event of events) {
    onEvent(event);
    if (event.type === 'plan-ready') {
      result.plan = event.plan;
      result.planPath = event.path;
    } else if (event.type === 'done') {
      result.report = event.report;
      result.exitCode = event.exitCode;
    }
  }
  return result;
}

/**
 * Runs `work` with an AbortSignal tied to Ctrl-C: the first press cancels calls in flight and lets
 * the run finish consistently; a second press falls through to the default handler and quits.
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>, notify: (text: string) => void): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    notify('\nInterrupted: cancelling calls in flight; steps already committed stay. Press Ctrl-C again to quit at once.\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
