import type { SavedPlan } from '../architect/types.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { paint, type Tone } from './color.js';
import { formatUsd, truncate } from './format.js';
import { createLiveRegion, type LiveRegion } from './live-region.js';
import { StepBlocks } from './step-blocks.js';
import { animateOn, colorOn, lineWidth } from './terminal.js';

/** Where progress goes: a writable with an optional TTY flag and width (stderr in practice). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Reads pipeline events; `close` erases the live lines and stops the clock (call it however the run ends). */
export type ProgressPrinter = ((event: PipelineEvent) => void) & { close(): void };

/** A model call being streamed: when it started, when its first text came, and how much text so far. */
interface Live {
  label: string;
  started: number;
  firstText?: number;
  chars: number;
  /** When the call finished: the step then waits for its turn to be applied, and its clock stops. */
  ended?: number;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 100;

/**
 * Prints pipeline progress for a person. Each step's lines (start, retries, notices, result) are printed
 * as one block, in step order, once the step is done, so overlapping editor calls never read as
 * interleaved work. On a terminal (not in CI) a spinner line per running call shows elapsed seconds and
 * streamed tokens/s, redrawn in place; colour follows the terminal and NO_COLOR / FORCE_COLOR / --no-color.
 * Results (plan, table, JSON) are printed by the command on stdout.
 */
export function createProgressPrinter(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): ProgressPrinter {
  const width = lineWidth(stream);
  const color = colorOn(stream, env);
  const region: LiveRegion | undefined = animateOn(stream, env) ? createLiveRegion(stream, width ?? 80) : undefined;
  // A few columns of margin: the lines hold multi-byte marks (·, …), which some log readers count as bytes.
  const fit = (text: string) => (width === undefined ? text : truncate(text, Math.max(width - 4, 20)));
  const out = (text: string, tone?: Tone) => {
    const line = color ? paint(tone, fit(text)) : fit(text);
    if (region) region.print(line);
    else stream.write(`${line}\n`);
  };
  const blocks = new StepBlocks(out);
  let plan: SavedPlan | undefined;
  let architect: Live | undefined;
  const running = new Map<number, Live>();
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const liveLines = () => {
    const spin = FRAMES[frame % FRAMES.length];
    const lines = architect ? [`${spin} ${architect.label} · ${rate(architect, now())}`] : [];
    for (const index of [...running.keys()].sort((a, b) => a - b)) lines.push(`${spin} ${(running.get(index) as Live).label} · ${rate(running.get(index) as Live, now())}`);
    return lines;
  };
  const redraw = () => {
    if (!region) return;
    const lines = liveLines();
    region.draw(lines);
    if (lines.length === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    } else if (lines.length > 0 && !timer) {
      timer = setInterval(() => {
        frame += 1;
        redraw();
      }, FRAME_MS);
      timer.unref();
    }
  };
  const label = (index: number) => `[${index + 1}/${Math.max(plan?.steps.length ?? 0, index + 1)}]`;

  const printer = (event: PipelineEvent) => {
    switch (event.type) {
      case 'architect-start': {
        const what = event.round === 'plan' ? `Planning with ${event.model}` : `Asking ${event.model} again (${event.round === 'files' ? 'with the files it asked for' : 'to repair the plan'})`;
        architect = { label: what, started: now(), chars: 0 };
        if (!region) out(`${what}…`);
        break;
      }
      case 'architect-delta':
        // The clock redraws; a redraw per streamed chunk would flood the terminal.
        if (architect) grow(architect, event.text, now());
        return;
      case 'plan-ready': {
        const call = event.plan.architect;
        const was = architect;
        architect = undefined;
        redraw();
        if (region && was) out(`✓ Planned ${event.plan.steps.length} steps with ${call.model} in ${seconds(call.latencyMs)} · ${formatUsd(call.costUsd)}`, 'dim');
        break;
      }
      case 'apply-start':
        plan = event.plan;
        architect = undefined;
        blocks.expect(event.plan.steps.map((_, i) => i));
        out(`Applying ${event.steps.length} of ${event.plan.steps.length} steps on branch ${event.branch}`);
        break;
      case 'round-start':
        blocks.expect(event.steps);
        break;
      case 'step-start':
        running.set(event.index, { label: `${label(event.index)} ${event.file}${event.attempt > 1 ? ` · attempt ${event.attempt}` : ''}`, started: now(), chars: 0 });
        blocks.add(
          event.index,
          `${event.attempt > 1 ? '  ' : ''}${label(event.index)} ${event.attempt > 1 ? `attempt ${event.attempt}${event.role === 'fallback' ? ', fallback' : ''}` : `${event.file}: ${event.title}`} · ${event.model}${event.provider ? ` via ${event.provider}` : ''}`,
        );
        break;
      case 'step-delta': {
        const live = running.get(event.index);
        if (live) grow(live, event.text ?? ' '.repeat(4), now());
        return;
      }
      case 'step-retry':
        blocks.add(event.index, `  ↻ ${label(event.index)} retrying: ${event.reason}`, 'warn');
        break;
      case 'step-applied':
        running.delete(event.index);
        blocks.finish(event.index, `  ✓ ${label(event.index)} applied as ${event.commit.slice(0, 7)}${event.attempts > 1 ? ` after ${event.attempts} attempts` : ''}`, 'ok');
        break;
      case 'step-failed':
        running.delete(event.index);
        blocks.finish(event.index, `  ✗ ${label(event.index)} failed: ${event.reason}`, 'error');
        break;
      case 'step-skipped':
        running.delete(event.index);
        blocks.finish(event.index, `  - ${label(event.index)} skipped: ${event.reason}`, 'warn');
        break;
      case 'notice': {
        const text = `  ${event.level === 'warn' ? '!' : 'i'} ${event.step !== undefined ? `${label(event.step)} ` : ''}${event.message}`;
        const tone = event.level === 'warn' ? 'warn' : undefined;
        if (event.step !== undefined) blocks.add(event.step, text, tone);
        else out(text, tone);
        break;
      }
      case 'call-finished': {
        const live = event.record.step === null || event.record.step === undefined ? undefined : running.get(event.record.step);
        if (live && event.record.role !== 'architect') live.ended = now();
        if (event.record.status === 'error') {
          const text = `  ! ${event.record.role} call failed: ${event.record.error}`;
          if (event.record.step !== null && event.record.step !== undefined && event.record.role !== 'architect') blocks.add(event.record.step, text, 'warn');
          else out(text, 'warn');
        }
        break;
      }
      case 'done':
        running.clear();
        architect = undefined;
        blocks.flushAll();
        break;
      default:
        break;
    }
    redraw();
  };
  return Object.assign(printer, {
    close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      running.clear();
      architect = undefined;
      blocks.flushAll();
      region?.clear();
    },
  });
}

/** Counts streamed text; tokens are estimated at four characters each, as the streamed chunks carry no counts. */
function grow(live: Live, text: string, at: number): void {
  live.firstText ??= at;
  live.chars += text.length;
}

/** "12s" while waiting for the first token, then "12s · 45 tok/s" over the streaming time; "edited" once the call is over. */
function rate(live: Live, now: number): string {
  const at = live.ended ?? now;
  const elapsed = `${Math.floor((at - live.started) / 1000)}s`;
  const tokens = live.firstText === undefined || live.chars === 0 ? '' : ` · ${Math.round(live.chars / 4 / (Math.max(at - live.firstText, 250) / 1000))} tok/s`;
  return `${elapsed}${tokens}${live.ended === undefined ? '' : ' · edited, committing'}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
