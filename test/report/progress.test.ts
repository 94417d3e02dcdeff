import { describe, expect, it } from 'vitest';
import type { SavedPlan } from '../../src/architect/types.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { createProgressPrinter } from '../../src/report/progress.js';

const call = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 10, completionTokens: 5, latencyMs: 1200, costUsd: 0.01 };
const plan = {
  id: 'p',
  task: 't',
  summary: 's',
  architect: call,
  steps: [0, 1, 2].map((i) => ({ title: `Step ${i + 1}`, file: `f${i}.ts`, action: 'edit', instructions: '', depends_on: [] })),
} as unknown as SavedPlan;

function capture(isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
  let text = '';
  const stream = { isTTY, columns: 60, write: (chunk: string) => (text += chunk) };
  return { printer: createProgressPrinter(stream, env), text: () => text };
}

const start = (index: number): PipelineEvent => ({ type: 'step-start', index, title: `Step ${index + 1}`, file: `f${index}.ts`, attempt: 1, role: 'editor', model: 'qwen', provider: 'local' });

describe('createProgressPrinter', () => {
  it('prints step blocks in plan order when a later step is edited first (plain output: nothing animated, no colour)', () => {
    const { printer, text } = capture(false);
    for (const event of [
      { type: 'architect-start', model: 'anthropic/claude-sonnet-4', round: 'plan' },
      { type: 'plan-ready', plan, path: 'x' },
      { type: 'apply-start', plan, branch: 'tandem/p', steps: [0, 1, 2] },
      start(0),
      start(1),
      { type: 'step-retry', index: 1, attempt: 2, reason: 'no match' },
      { type: 'step-applied', index: 1, commit: 'bbbbbbbbb', diff: '', attempts: 2 },
      { type: 'step-applied', index: 0, commit: 'aaaaaaaaa', diff: '', attempts: 1 },
      { type: 'step-skipped', index: 2, reason: 'left out of this run' },
    ] as PipelineEvent[])
      printer(event);
    printer.close();
    expect(text()).toBe(
      [
        'Planning with anthropic/claude-sonnet-4…',
        'Applying 3 of 3 steps on branch tandem/p',
        '[1/3] f0.ts: Step 1 · qwen via local',
        '  ✓ [1/3] applied as aaaaaaa',
        '[2/3] f1.ts: Step 2 · qwen via local',
        '  ↻ [2/3] retrying: no match',
        '  ✓ [2/3] applied as bbbbbbb after 2 attempts',
        '  - [3/3] skipped: left out of this run',
        '',
      ].join('\n'),
    );
  });

  it('on a terminal draws a spinner line per running call and colours results; CI turns the animation off', () => {
    const tty = capture(true);
    tty.printer({ type: 'architect-start', model: 'm', round: 'plan' });
    tty.printer({ type: 'plan-ready', plan, path: 'x' });
    tty.printer({ type: 'apply-start', plan, branch: 'b', steps: [0] });
    tty.printer(start(0));
    tty.printer({ type: 'step-applied', index: 0, commit: 'aaaaaaaaa', diff: '', attempts: 1 });
    tty.printer.close();
    expect(tty.text()).toContain('⠋ Planning with m · 0s');
    expect(tty.text()).toContain('⠋ [1/3] f0.ts · 0s');
    expect(tty.text()).toContain('\x1b[32m  ✓ [1/3] applied as aaaaaaa\x1b[39m');
    const ci = capture(true, { CI: 'true', NO_COLOR: '1' });
    ci.printer({ type: 'architect-start', model: 'm', round: 'plan' });
    ci.printer.close();
    expect(ci.text()).toBe('Planning with m…\n');
  });
});
