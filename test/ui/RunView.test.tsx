import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SavedPlan } from '../../src/architect/types.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { ClockContext } from '../../src/ui/use-clock.js';
import { initialRunState, reduceRun, type RunState } from '../../src/ui/run-state.js';
import { RunView } from '../../src/ui/RunView.js';
import { PLAN } from './fixtures.js';
import { renderTui, type Tui } from './tui.js';

const LONG: SavedPlan = {
  ...PLAN,
  steps: Array.from({ length: 30 }, (_, i) => ({ title: `Step ${i + 1}`, file: `src/f${i + 1}.ts`, action: 'edit' as const, instructions: 'x', depends_on: [] })),
};

/** A 30-step run with the first `applied` steps committed and the next one running. */
function longRun(applied: number): RunState {
  const events: PipelineEvent[] = [{ type: 'apply-start', plan: LONG, branch: 'tandem/long', steps: LONG.steps.map((_, i) => i) }];
  for (let i = 0; i < applied; i++) events.push({ type: 'step-applied', index: i, commit: `${i}`.padEnd(40, 'a'), diff: `+line ${i}\n`, attempts: 1 });
  events.push({ type: 'step-start', index: applied, title: `Step ${applied + 1}`, file: `src/f${applied + 1}.ts`, attempt: 1, role: 'editor', model: 'm', provider: 'p' });
  return events.reduce((state, event) => reduceRun(state, { type: 'event', event, at: 0 }), initialRunState);
}

let tui: Tui | undefined;
afterEach(() => tui?.unmount());

describe('RunView', () => {
  it('keeps a long plan within the screen, following the step at work until an arrow is pressed', async () => {
    const opened: number[] = [];
    function Harness({ run }: { run: RunState }) {
      const [cursor, setCursor] = useState(0);
      return (
        <ClockContext.Provider value={{ now: () => 0, tickMs: 0 }}>
          <RunView run={run} cursor={cursor} onCursor={setCursor} onOpen={(index) => opened.push(index)} />
        </ClockContext.Provider>
      );
    }
    tui = await renderTui(<Harness run={longRun(20)} />, { rows: 24 });
    const frame = tui.frame();
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toMatch(/^› ⠋ 21 Step 21 · src\/f21\.ts$/m);
    expect(frame).toMatch(/… \d+ more above/);
    expect(frame).toMatch(/… \d+ more below/);
    await tui.press('up');
    expect(tui.frame()).toMatch(/^› ✓ 20 Step 20 · src\/f20\.ts$/m);
    await tui.press('up');
    await tui.press('enter');
    expect(opened).toEqual([18]);
  });
});
