import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/ui/App.js';
import type { Clock } from '../../src/ui/use-clock.js';
import { fakeServices } from './fake-services.js';
import { PLAN, PLAN_READY, PLANNING } from './fixtures.js';
import { renderTui, type Tui } from './tui.js';

const clock: Clock = { now: () => 1_000_000, tickMs: 0 };
let tui: Tui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe('plan review warns before approval', () => {
  it('flags a step on a CI definition and one on tandem.config.json; plain steps carry no warning', async () => {
    const fake = fakeServices();
    tui = await renderTui(<App services={fake.services} onExit={() => {}} theme={{}} clock={clock} />, { columns: 120 });
    await tui.press('touch the workflow');
    await tui.press('enter');
    const run = fake.runs[0];
    run.emit(...PLANNING, ...PLAN_READY);
    await tui.flush();
    const steps = [
      PLAN.steps[0],
      { title: 'Cache deps', file: '.github/workflows/ci.yml', action: 'edit' as const, instructions: 'add a cache step', depends_on: [] },
      { title: 'Point elsewhere', file: 'tandem.config.json', action: 'edit' as const, instructions: 'change baseURL', depends_on: [] },
    ];
    void run.decisions.approvePlan({ ...PLAN, steps });
    await tui.until('Instructions for step 1');
    const lines = tui.frame().split('\n');
    expect(lines.find((l) => l.includes('src/math.ts'))).not.toContain('⚠');
    expect(lines.find((l) => l.includes('.github/workflows/ci.yml'))).toContain('⚠ changes a CI or hook definition: check it before you approve');
    expect(lines.find((l) => l.includes('tandem.config.json'))).toContain("⚠ tandem's own configuration: this step will be refused");
  });
});
