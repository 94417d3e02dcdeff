import type { SavedPlan } from '../../src/architect/types.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import type { Decisions } from '../../src/pipeline/run.js';
import type { SessionServices } from '../../src/ui/session-services.js';

/** The pipeline's side of a call the session made, played by the test. */
interface FakeStream {
  signal: AbortSignal;
  /** Sends events to the screen, as the pipeline would. */
  emit(...events: PipelineEvent[]): void;
  /** Ends the stream normally, or with the error a pipeline would throw. */
  end(error?: unknown): void;
}

/** One run the session started: what it was asked, and the pipeline's side, played by the test. */
export interface FakeRun extends FakeStream {
  task: string;
  decisions: Decisions;
}

/** One revision the session asked for: the plan, the feedback, and the pipeline's side, played by the test. */
export interface FakeRevision extends FakeStream {
  plan: SavedPlan;
  feedback: string;
}

/** An event stream the test feeds: `emit` queues events, `end` finishes it (or throws `error` into it). */
function scripted(): { emit(...events: PipelineEvent[]): void; end(error?: unknown): void; events: AsyncGenerator<PipelineEvent> } {
  const queue: PipelineEvent[] = [];
  let finished: { error?: unknown } | undefined;
  let wake: (() => void) | undefined;
  return {
    emit: (...events) => {
      queue.push(...events);
      wake?.();
    },
    end: (error) => {
      finished = { error };
      wake?.();
    },
    events: (async function* () {
      while (true) {
        while (queue.length > 0) yield queue.shift() as PipelineEvent;
        if (finished) {
          if (finished.error) throw finished.error;
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    })(),
  };
}

/** Services whose runs the test drives event by event, and whose other answers are recorded. */
export function fakeServices(): { services: SessionServices; runs: FakeRun[]; revisions: FakeRevision[]; calls: string[] } {
  const runs: FakeRun[] = [];
  const revisions: FakeRevision[] = [];
  const calls: string[] = [];
  const services: SessionServices = {
    info: { root: '/repo', branch: 'main', architectModel: 'anthropic/claude-sonnet-4', editorModel: 'qwen2.5-coder:7b', editorProvider: 'ollama-local' },
    runTask(task, decisions, signal) {
      const stream = scripted();
      runs.push({ task, decisions, signal, emit: stream.emit, end: stream.end });
      return stream.events;
    },
    revisePlan(plan, feedback, signal) {
      const stream = scripted();
      revisions.push({ plan, feedback, signal, emit: stream.emit, end: stream.end });
      return stream.events;
    },
    checkTree: async () => 'Working tree clean.',
    async revertStep(commit) {
      calls.push(`revert ${commit}`);
      return 'feedfacefeedfacefeedfacefeedfacefeedface';
    },
    async undo() {
      calls.push('undo');
      return 'Undid plan add-subtraction-1a2b on tandem/add-subtraction-1a2b: 2 commits reverted.';
    },
    async log(limit, width) {
      calls.push(`log ${limit} ${width}`);
      return `Time  Role  Model\n(${limit} calls)`;
    },
    async stats(width) {
      calls.push(`stats ${width}`);
      return 'Role       Calls  Cost\narchitect      1  $0.0060';
    },
    config: () => 'architect.model: anthropic/claude-sonnet-4\narchitect.apiKey: (hidden, from $FASTROUTER_API_KEY or $TANDEM_API_KEY)',
  };
  return { services, runs, revisions, calls };
}
