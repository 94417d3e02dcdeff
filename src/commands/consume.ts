import type { SavedPlan } from '../architect/types.js';
import { signalExitCode, TandemError } from '../errors.js';
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

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `work` with an AbortSignal tied to Ctrl-C, SIGTERM (what CI sends on cancel) and SIGHUP (the terminal
 * closed): the first one cancels calls in flight and lets the run finish consistently (steps already committed
 * stay, the report is written); the signal's name is the abort reason, so the exit code can say which
 * (130, 143, 129). A second one falls through to the default handler and quits at once. An error that ends
 * the work after a signal (a call cut off while planning) becomes that exit code.
 */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>, notify: (text: string) => void): Promise<T> {
  const controller = new AbortController();
  const handlers = STOP_SIGNALS.map((name) => {
    const handler = () => {
      for (const [other, h] of handlers) process.removeListener(other, h);
      const how = name === 'SIGINT' ? 'Interrupted' : `Stopped by ${name}`;
      notify(`\n${how}: cancelling calls in flight; steps already committed stay.${name === 'SIGINT' ? ' Press Ctrl-C again to quit at once.' : ''}\n`);
      controller.abort(name);
    };
    return [name, handler] as const;
  });
  for (const [name, handler] of handlers) process.once(name, handler);
  try {
    return await work(controller.signal);
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    const reason = String(controller.signal.reason);
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new TandemError(`${reason === 'SIGINT' ? 'interrupted' : `stopped by ${reason}`}${detail}`, { exitCode: signalExitCode(reason), cause: error });
  } finally {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
  }
}
