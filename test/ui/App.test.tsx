import { afterEach, describe, expect, it } from 'vitest';
import { TandemError } from '../../src/errors.js';
import type { PlanApproval } from '../../src/pipeline/run.js';
import { App } from '../../src/ui/App.js';
import type { Clock } from '../../src/ui/use-clock.js';
import { fakeServices, type FakeRun } from './fake-services.js';
import { APPLYING, COMMIT_1, FINISHING, PLAN, PLANNING, PLAN_READY } from './fixtures.js';
import { renderTui, type Tui } from './tui.js';

let time = 1_000_000;
const clock: Clock = { now: () => time, tickMs: 0 };
let tui: Tui | undefined;

afterEach(() => {
  tui?.unmount();
  tui = undefined;
  time = 1_000_000;
});

async function start(size: { columns?: number; rows?: number } = {}) {
  const fake = fakeServices();
  const exits: number[] = [];
  tui = await renderTui(<App services={fake.services} onExit={(code) => exits.push(code)} theme={{}} clock={clock} />, size);
  return { ...fake, exits, tui };
}

async function typeTask(t: Tui, text: string): Promise<void> {
  await t.press(text);
  await t.press('enter');
}

/** Runs a task up to the plan review; returns the run and the pending approval. */
async function toReview(t: Tui, runs: FakeRun[]): Promise<{ run: FakeRun; approval: Promise<PlanApproval> }> {
  await typeTask(t, 'add subtraction and a greeting');
  const run = runs[0];
  run.emit(...PLANNING, ...PLAN_READY);
  await t.flush();
  const approval = run.decisions.approvePlan(PLAN);
  await t.until('Instructions for step 1');
  return { run, approval };
}

/** Runs a task through review and all its steps to the final table. */
async function toTable(t: Tui, runs: FakeRun[]): Promise<FakeRun> {
  const { run, approval } = await toReview(t, runs);
  await t.press('enter');
  await approval;
  run.emit(...APPLYING, ...FINISHING);
  run.end();
  await t.until('n next task');
  return run;
}

describe('the session screens at 80 columns', () => {
  it('task input', async () => {
    const { tui } = await start();
    expect(tui.frame()).toMatchSnapshot();
  });

  it('planning: spinner, live token count, elapsed time and the streamed answer', async () => {
    const { tui, runs } = await start();
    await typeTask(tui, 'add subtraction and a greeting');
    expect(runs.map((run) => run.task)).toEqual(['add subtraction and a greeting']);
    runs[0].emit(PLANNING[0], PLANNING[1]);
    await tui.flush();
    time += 1500;
    runs[0].emit(PLANNING[2]);
    await tui.until('21 tokens');
    expect(tui.frame()).toMatchSnapshot();
  });

  it('plan review', async () => {
    const { tui, runs } = await start();
    await toReview(tui, runs);
    expect(tui.frame()).toMatchSnapshot();
  });

  it('running steps', async () => {
    const { tui, runs } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('enter');
    expect(await approval).toEqual({ selected: [0, 1], plan: PLAN });
    run.emit(APPLYING[0], APPLYING[1]);
    await tui.flush();
    time += 2000;
    run.emit(...APPLYING.slice(2, 5));
    await tui.flush();
    run.emit(APPLYING[5]);
    await tui.flush();
    time += 1000;
    run.emit(APPLYING[6]);
    await tui.until('30 tok/s');
    expect(tui.frame()).toMatchSnapshot();
  });

  it('final table with totals and the saving', async () => {
    const { tui, runs } = await start();
    await toTable(tui, runs);
    expect(tui.frame()).toMatchSnapshot();
  });
});

describe('plan review', () => {
  it('space leaves a step out, e edits its instructions in place, enter answers with the edited plan', async () => {
    const { tui, runs } = await start();
    const { approval } = await toReview(tui, runs);
    await tui.press('down');
    await tui.press('space');
    expect(tui.frame()).toContain('› [ ] 2 Create greet · src/greet.ts (create) · after 1');
    expect(tui.frame()).toContain('enter apply 1 of 2');
    await tui.press('up');
    await tui.press('e');
    expect(tui.frame()).toContain('Instructions for step 1 (editing):');
    await tui.press(' Keep it pure.');
    await tui.press('enter');
    expect(tui.frame()).toContain('  Add subtract(a, b) below add. Keep it pure.');
    await tui.press('enter');
    const answer = await approval;
    expect(answer.selected).toEqual([0]);
    expect(answer.plan).not.toBe(PLAN);
    expect(answer.plan.steps.map((step) => step.instructions)).toEqual(['Add subtract(a, b) below add. Keep it pure.', PLAN.steps[1].instructions]);
    expect(PLAN.steps[0].instructions).toBe('Add subtract(a, b) below add.');
  });

  it('warns when a chosen step depends on one left out', async () => {
    const { tui, runs } = await start();
    await toReview(tui, runs);
    await tui.press('space');
    expect(tui.frame()).toContain('  [x] 2 Create greet · src/greet.ts (create) · needs 1 (left out)');
    await tui.press('space');
    expect(tui.frame()).not.toContain('will be skipped');
  });

  it('esc discards an edit, a second esc cancels the plan and says it is kept', async () => {
    const { tui, runs } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('e');
    await tui.press(' nope');
    await tui.press('escape');
    expect(tui.frame()).toContain('  Add subtract(a, b) below add.\n');
    await tui.press('escape');
    expect(await approval).toEqual({ selected: [], plan: PLAN });
    run.end(new TandemError('no steps approved; nothing was applied'));
    await tui.until('not applied');
    expect(tui.text()).toContain(`Plan ${PLAN.id} not applied. It is saved: "tandem apply ${PLAN.id}" runs it later.`);
    expect(tui.frame()).toContain('› ');
  });
});

describe('diffs of applied steps', () => {
  it('opens a diff from the table, reverts the step with r, and the summary says so', async () => {
    const { tui, runs, calls } = await start();
    await toTable(tui, runs);
    await tui.press('enter');
    expect(tui.frame()).toContain('Step 1 · Add subtract · src/math.ts · 1111111');
    expect(tui.frame()).toContain('+export function subtract(a: number, b: number): number {');
    expect(tui.frame()).toContain('lines 1-11 of 11 · ↑↓ pgup pgdn scroll · r revert this step · esc keep');
    await tui.press('r');
    await tui.until('reverted by feedfac');
    expect(calls).toEqual([`revert ${COMMIT_1}`]);
    expect(tui.frame()).toContain('› 1 src/math.ts · 1111111 · reverted by feedfac');
    expect(tui.frame()).not.toContain('Step 1 reverted by commit');
    await tui.press('enter');
    expect(tui.frame()).toContain('reverted by feedfac · esc keep');
    await tui.press('r');
    expect(calls).toEqual([`revert ${COMMIT_1}`]);
    await tui.press('escape');
    await tui.press('n');
    expect(tui.frame()).toMatch(
      /2 of 2 steps committed on branch tandem\/add-subtraction-1a2b\.\n\nStep 1 reverted by commit feedfac\.\nNow 1 of 2 steps applied on tandem\/add-subtraction-1a2b\.\n/,
    );
  });

  it('esc keeps the step; the diff scrolls within its height', async () => {
    const { tui, runs, calls } = await start({ rows: 10 });
    await toTable(tui, runs);
    await tui.press('enter');
    expect(tui.frame()).toContain('lines 1-5 of 11');
    await tui.press('down');
    expect(tui.frame()).toContain('lines 2-6 of 11');
    await tui.press('pagedown');
    expect(tui.frame()).toContain('lines 7-11 of 11');
    expect(tui.frame()).toContain('+}');
    await tui.press('escape');
    expect(calls).toEqual([]);
    expect(tui.frame()).toContain('n next task');
  });

  it('will not revert while the run is still going', async () => {
    const { tui, runs, calls } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('enter');
    await approval;
    run.emit(...APPLYING);
    await tui.until('1 of 2 applied');
    await tui.press('enter');
    expect(tui.frame()).toContain('› ⠋ 2 Create greet');
    await tui.press('up');
    await tui.press('enter');
    expect(tui.frame()).toContain('r after the run');
    await tui.press('r');
    expect(calls).toEqual([]);
    expect(tui.frame()).toContain('The run is still going: revert this step once it has finished.');
  });
});

describe('Ctrl-C', () => {
  it('cancels the run in flight, and a second press quits with 130', async () => {
    const { tui, runs, exits } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('enter');
    await approval;
    run.emit(...APPLYING);
    await tui.until('30 tok/s');
    await tui.press('ctrl-c');
    expect(run.signal.aborted).toBe(true);
    expect(tui.frame()).toContain('Cancelling: waiting for calls in flight to stop… ctrl-c again quits');
    expect(exits).toEqual([]);
    await tui.press('ctrl-c');
    expect(exits).toEqual([130]);
  });

  it('at the plan review cancels the plan', async () => {
    const { tui, runs } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('ctrl-c');
    expect(await approval).toEqual({ selected: [], plan: PLAN });
    expect(run.signal.aborted).toBe(true);
  });

  it('shows the interrupted run its table; then at the prompt clears the line, then quits with 0', async () => {
    const { tui, runs, exits } = await start();
    const { run, approval } = await toReview(tui, runs);
    await tui.press('enter');
    await approval;
    run.emit(APPLYING[0]);
    await tui.press('ctrl-c');
    run.emit({ type: 'done', report: { ...FINISHING_REPORT(), steps: [] }, exitCode: 130 });
    run.end();
    await tui.until('Interrupted: calls in flight were cancelled; steps not yet applied were skipped.');
    await tui.press('n');
    await tui.press('half a task');
    await tui.press('ctrl-c');
    expect(tui.frame()).toContain('describe a change, or /help');
    expect(exits).toEqual([]);
    await tui.press('ctrl-c');
    expect(exits).toEqual([0]);
  });
});

function FINISHING_REPORT() {
  const done = FINISHING.at(-1);
  if (done?.type !== 'done') throw new Error('fixture: FINISHING must end with done');
  return done.report;
}

describe('runs that fail, and the next task', () => {
  it('puts the error and its hint in the scrollback and gives the prompt back', async () => {
    const { tui, runs } = await start();
    await typeTask(tui, 'anything');
    runs[0].end(new TandemError('the gateway at http://127.0.0.1:9/v1 cannot be reached', { exitCode: 4, hint: 'is it running? tandem doctor checks' }));
    await tui.until('cannot be reached');
    expect(tui.frame()).toContain('✗ the gateway at http://127.0.0.1:9/v1 cannot be reached\n  is it running? tandem doctor checks');
    expect(tui.frame()).toContain('describe a change, or /help');
  });

  it('keeps the first run in the scrollback and starts the next task in the same session', async () => {
    const { tui, runs } = await start();
    await toTable(tui, runs);
    await tui.press('n');
    await typeTask(tui, 'now add multiply');
    expect(runs.map((run) => run.task)).toEqual(['add subtraction and a greeting', 'now add multiply']);
    const frame = tui.frame();
    expect(frame).toContain('saved $0.0060 (50%) against running every step on anthropic/claude-sonnet-4');
    expect(frame).toContain(`2 of 2 steps committed on branch tandem/${PLAN.id}.`);
    expect(frame).toContain('› now add multiply');
  });
});

describe('slash commands', () => {
  it('/help, /config, /log, /stats and /undo write to the scrollback; unknown ones are named', async () => {
    const { tui, calls } = await start();
    for (const line of ['/help', '/config', '/log 5', '/log many', '/stats', '/undo', '/nope']) await typeTask(tui, line);
    await tui.until('Undid plan');
    const frame = tui.frame();
    expect(tui.text()).toContain(`Undid plan ${PLAN.id} on tandem/${PLAN.id}: 2 commits reverted.`);
    expect(frame).toContain("  /undo    revert the last run's commits\n  /log     the activity log");
    expect(tui.text()).toContain('Plan review: ↑↓ move · space toggle a step · e edit its instructions · r revise it in words · enter apply · esc cancel');
    expect(frame).toContain('architect.apiKey: (hidden, from $FASTROUTER_API_KEY or $TANDEM_API_KEY)');
    expect(frame).toContain('(5 calls)');
    expect(frame).toContain('✗ /log takes a number of calls, got "many"');
    expect(frame).toContain('architect      1  $0.0060');
    expect(frame).toContain('✗ unknown command /nope\n  Type /help for the list.');
    expect(calls).toEqual(['log 5 80', 'stats 80', 'undo']);
  });

  it('/quit leaves with 0', async () => {
    const { tui, exits } = await start();
    await typeTask(tui, '/quit');
    expect(exits).toEqual([0]);
  });
});

describe('narrow terminals', () => {
  it.each([60, 40])('no line of the running or final screens is wider than %i columns', async (columns) => {
    const { tui, runs } = await start({ columns });
    const { run, approval } = await toReview(tui, runs);
    const widest = () => Math.max(...tui.frame().split('\n').map((line) => [...line].length));
    expect(widest()).toBeLessThanOrEqual(columns);
    await tui.press('enter');
    await approval;
    run.emit(...APPLYING);
    await tui.until('applied');
    expect(widest()).toBeLessThanOrEqual(columns);
    run.emit(...FINISHING);
    run.end();
    await tui.until('n next task');
    expect(widest()).toBeLessThanOrEqual(columns);
    expect(tui.frame()).toContain('total');
  });
});

describe('the prompt and the planning screen', () => {
  it('↑ recalls the tasks and commands entered before, ↓ comes back to the line being typed', async () => {
    const { tui, runs } = await start();
    await typeTask(tui, '/help');
    await typeTask(tui, 'add subtraction');
    runs[0].end(new TandemError('no key', { exitCode: 2 }));
    await tui.until('describe a change');
    await tui.press('draft');
    await tui.press('up');
    expect(tui.frame()).toContain('› add subtraction');
    await tui.press('up');
    expect(tui.frame()).toContain('› /help');
    await tui.press('down');
    await tui.press('down');
    expect(tui.frame()).toContain('› draft');
  });

  it('shows no raw plan JSON once the plan is ready', async () => {
    const { tui, runs } = await start();
    await typeTask(tui, 'add subtraction and a greeting');
    runs[0].emit(...PLANNING);
    await tui.until('"steps"');
    runs[0].emit(...PLAN_READY);
    await tui.until('Plan ready');
    expect(tui.frame()).not.toContain('{"summary"');
    expect(tui.frame()).not.toContain('"steps"');
  });
});

describe('revising the plan under review', () => {
  const REVISED = {
    ...PLAN,
    id: 'add-subtraction-3c4d',
    summary: 'One file only.',
    steps: [{ title: 'Add subtract and greet', file: 'src/math.ts', action: 'edit' as const, instructions: 'Both in math.ts.', depends_on: [] }],
    revises: PLAN.id,
  };

  it('r asks for feedback, shows the revised plan, and only enter runs it', async () => {
    const { tui, runs, revisions } = await start();
    const { approval } = await toReview(tui, runs);
    await tui.press('r');
    expect(tui.frame()).toContain('What should change?');
    expect(tui.frame()).toContain('enter ask for the revised plan · esc back to the plan');
    await tui.press('put both in math.ts');
    await tui.press('enter');
    expect(revisions.map((r) => [r.plan.id, r.feedback])).toEqual([[PLAN.id, 'put both in math.ts']]);
    revisions[0].emit({ type: 'architect-start', model: 'anthropic/claude-sonnet-4', round: 'plan' }, { type: 'architect-delta', text: '{"summary": "One file', chunks: 5 });
    await tui.until('Planning with anthropic/claude-sonnet-4');
    revisions[0].emit({ type: 'plan-ready', plan: REVISED, path: '/repo/.tandem/plans/add-subtraction-3c4d.json' });
    revisions[0].end();
    await tui.until('One file only.');
    expect(tui.frame()).toContain('[x] 1 Add subtract and greet · src/math.ts');
    expect(tui.frame()).not.toContain('Create greet');
    let answered = false;
    void approval.then(() => (answered = true));
    await tui.flush();
    expect(answered).toBe(false);
    await tui.press('enter');
    expect(await approval).toEqual({ selected: [0], plan: REVISED });
  });

  it('esc leaves the feedback; a failed revision keeps the plan under review and says why', async () => {
    const { tui, runs, revisions } = await start();
    await toReview(tui, runs);
    await tui.press('r');
    await tui.press('escape');
    expect(tui.frame()).toContain('Instructions for step 1');
    expect(revisions).toHaveLength(0);
    await tui.press('r');
    await tui.press('shorter');
    await tui.press('enter');
    revisions[0].end(new TandemError('the gateway is unreachable', { exitCode: 4 }));
    await tui.until('the plan was not revised: the gateway is unreachable');
    expect(tui.frame()).toContain('Instructions for step 1');
    expect(tui.frame()).toContain('Create greet');
  });
});

describe('when the session opens', () => {
  it('checks the working tree and says so before a task is typed', async () => {
    const fake = fakeServices();
    fake.services.checkTree = async () => '1 untracked file (notes.txt): never blocking, never committed.';
    tui = await renderTui(<App services={fake.services} onExit={() => undefined} theme={{}} clock={clock} />);
    await tui.until('never blocking');
    expect(tui.frame()).toMatch(/Type a task and press enter, or \/help\.\n\n1 untracked file \(notes\.txt\): never blocking, never committed\.\n\n›/);
  });
});

