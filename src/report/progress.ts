import type { SavedPlan } from '../architect/types.js';
import type { PipelineEvent } from '../pipeline/events.js';

/** Where progress goes: a writable with an optional TTY flag (stderr in practice). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Prints pipeline progress for a person: one line per step event, and on a terminal a live status
 * line while a model streams. Results (plan, table, JSON) are printed by the command on stdout.
 */
export function createProgressPrinter(stream: ProgressStream): (event: PipelineEvent) => void {
  const live = Boolean(stream.isTTY);
  let plan: SavedPlan | undefined;
  let status = '';
  let lastDraw = 0;
  let started = Date.now();
  const line = (text: string) => {
    if (status) stream.write('\r\x1b[K');
    status = '';
    stream.write(`${text}\n`);
  };
  const draw = (text: string) => {
    const now = Date.now();
    if (!live || now - lastDraw < 80) return;
    lastDraw = now;
    status = text;
    stream.write(`\r\x1b[K${text}`);
  };
  const label = (index: number) => `[${index + 1}/${plan?.steps.length ?? '?'}]`;

  return (event) => {
    switch (event.type) {
      case 'architect-start':
        started = Date.now();
        line(event.round === 'plan' ? `Planning with ${event.model}…` : `Asking ${event.model} again (${event.round === 'files' ? 'with the files it asked for' : 'to repair the plan'})…`);
        break;
      case 'architect-delta':
        draw(`  architect · ${event.chunks} chunks · ${seconds(Date.now() - started)}`);
        break;
      case 'apply-start':
        plan = event.plan;
        line(`Applying ${event.steps.length} of ${event.plan.steps.length} steps on branch ${event.branch}`);
        break;
      case 'step-start':
        line(`${label(event.index)} ${event.file}: ${event.title} · ${event.model}${event.provider ? ` via ${event.provider}` : ''}${event.attempt > 1 ? ` (attempt ${event.attempt}${event.role === 'fallback' ? ', fallback' : ''})` : ''}`);
        break;
      case 'step-delta':
        draw(`  ${label(event.index)} editing · ${event.chunks} chunks · ${seconds(event.elapsedMs)}`);
        break;
      case 'step-retry':
        line(`  ↻ ${label(event.index)} retrying: ${event.reason}`);
        break;
      case 'step-applied':
        line(`  ✓ ${label(event.index)} applied as ${event.commit.slice(0, 7)}${event.attempts > 1 ? ` after ${event.attempts} attempts` : ''}`);
        break;
      case 'step-failed':
        line(`  ✗ ${label(event.index)} failed: ${event.reason}`);
        break;
      case 'step-skipped':
        line(`  - ${label(event.index)} skipped: ${event.reason}`);
        break;
      case 'notice':
        line(`  ${event.level === 'warn' ? '!' : 'i'} ${event.step !== undefined ? `${label(event.step)} ` : ''}${event.message}`);
        break;
      case 'call-finished':
        if (event.record.status === 'error') line(`  ! ${event.record.role} call failed: ${event.record.error}`);
        break;
      default:
        break;
    }
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
