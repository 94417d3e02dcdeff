import { describe, expect, it } from 'vitest';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { formatRate, runCost, runProgress, stepCost, stepElapsed, tokensPerSecond } from '../../src/ui/run-figures.js';
import { initialRunState, reduceRun, type RunAction, type RunState } from '../../src/ui/run-state.js';
import { APPLYING, COMMIT_1, COMMIT_2, editorRecord, FINISHING, MATH_DIFF, PLAN, PLANNING, PLAN_READY, record, REPORT } from './fixtures.js';

/** Feeds events one millisecond-stamped step apart, starting at t=1000 (the `start` action). */
function play(events: PipelineEvent[], from: RunState = reduceRun(initialRunState, { type: 'start', task: PLAN.task, at: 1000 })): RunState {
  return events.reduce((state, event, i) => reduceRun(state, { type: 'event', event, at: 1001 + i }), from);
}

describe('reduceRun', () => {
  it('starts planning afresh, dropping the previous run', () => {
    const old = play([...PLANNING, ...PLAN_READY, ...APPLYING, ...FINISHING]);
    const state = reduceRun(old, { type: 'start', task: 'next', at: 5000 });
    expect(state).toEqual({ ...initialRunState, stage: 'planning', task: 'next', startedAt: 5000 });
  });

  it('follows the architect as it streams: model, round, running chunk count and the tail of the text', () => {
    const state = play(PLANNING);
    expect(state.stage).toBe('planning');
    expect(state.architect).toEqual({
      model: 'anthropic/claude-sonnet-4',
      round: 'plan',
      startedAt: 1001,
      chunks: 21,
      tail: '{"summary": "Add subtraction and a greeting module.",\n "steps": [{"title": "Add subtract",',
      completionTokens: 0,
      costs: [],
    });
  });

  it('keeps only the last 4000 characters of the answer, and a new round starts its count and text again', () => {
    const long = play([PLANNING[0], { type: 'architect-delta', text: 'x'.repeat(3990), chunks: 1 }, { type: 'architect-delta', text: '0123456789abcdef', chunks: 2 }]);
    expect(long.architect.tail).toHaveLength(4000);
    expect(long.architect.tail.endsWith('x0123456789abcdef')).toBe(true);
    const repair = play([{ type: 'architect-start', model: 'm', round: 'repair' }], long);
    expect(repair.architect).toMatchObject({ round: 'repair', chunks: 0, tail: '', startedAt: 1001 });
  });

  it('records the architect call and the plan', () => {
    const state = play([...PLANNING, ...PLAN_READY]);
    expect(state.stage).toBe('planned');
    expect(state.plan).toBe(PLAN);
    expect(state.architect.completionTokens).toBe(200);
    expect(state.architect.costs).toEqual([0.006]);
  });

  it('builds a row per step on apply-start and moves each through running to applied, with its calls summed', () => {
    const state = play([...PLANNING, ...PLAN_READY, ...APPLYING]);
    expect(state.stage).toBe('applying');
    expect(state.branch).toBe(`tandem/${PLAN.id}`);
    expect(state.steps).toEqual([
      {
        index: 0,
        title: 'Add subtract',
        file: 'src/math.ts',
        status: 'applied',
        attempt: 1,
        role: 'editor',
        model: 'qwen2.5-coder:7b',
        provider: 'ollama-local',
        startedAt: 1007,
        finishedAt: 1010,
        chunks: 100,
        streamMs: 2000,
        completionTokens: 100,
        latencyMs: 2000,
        costs: [0],
        commit: COMMIT_1,
        diff: MATH_DIFF,
      },
      {
        index: 1,
        title: 'Create greet',
        file: 'src/greet.ts',
        status: 'running',
        attempt: 1,
        role: 'editor',
        model: 'qwen2.5-coder:7b',
        provider: 'ollama-local',
        startedAt: 1011,
        chunks: 30,
        streamMs: 1000,
        completionTokens: 0,
        latencyMs: 0,
        costs: [],
      },
    ]);
  });

  it('keeps the first start time over retries, resets the live count each attempt, and counts a failed unbilled call as free', () => {
    const state = play([
      ...PLAN_READY,
      APPLYING[0],
      APPLYING[1],
      { type: 'step-delta', index: 0, chunks: 40, elapsedMs: 800 },
      { type: 'call-finished', record: editorRecord(0, { status: 'error', error: 'HTTP 503', costUsd: null, completionTokens: 0, latencyMs: 300 }) },
      { type: 'step-retry', index: 0, attempt: 2, reason: 'HTTP 503' },
      { type: 'step-start', index: 0, title: 'Add subtract', file: 'src/math.ts', attempt: 2, role: 'fallback', model: 'gpt-4o-mini', provider: 'openai' },
      { type: 'call-finished', record: editorRecord(0, { role: 'fallback', model: 'gpt-4o-mini', costUsd: null }) },
      { type: 'step-failed', index: 0, reason: 'the editor gave no usable edit' },
    ]);
    expect(state.steps[0]).toMatchObject({
      status: 'failed',
      reason: 'the editor gave no usable edit',
      attempt: 2,
      role: 'fallback',
      model: 'gpt-4o-mini',
      startedAt: 1004,
      chunks: 0,
      completionTokens: 100,
      latencyMs: 2300,
      costs: [0, null],
    });
  });

  it('ends with the report and exit code, marks reverted steps, and resets', () => {
    const done = play([...PLANNING, ...PLAN_READY, ...APPLYING, ...FINISHING]);
    expect(done.stage).toBe('done');
    expect(done.report).toBe(REPORT);
    expect(done.exitCode).toBe(0);
    expect(done.steps.map((step) => [step.status, step.commit])).toEqual([
      ['applied', COMMIT_1],
      ['applied', COMMIT_2],
    ]);
    const reverted = reduceRun(done, { type: 'reverted', index: 1, commit: 'c'.repeat(40) });
    expect(reverted.steps[1].revertedBy).toBe('c'.repeat(40));
    expect(reverted.steps[0].revertedBy).toBeUndefined();
    expect(done.steps[1].revertedBy).toBeUndefined();
    expect(reduceRun(reverted, { type: 'reset' })).toBe(initialRunState);
  });

  it('fails with the error, flags a cancel, keeps the last four notices and ignores unknown step indexes', () => {
    const actions: RunAction[] = [
      { type: 'start', task: 't', at: 1 },
      ...['a', 'b', 'c', 'd', 'e'].map((message): RunAction => ({ type: 'event', event: { type: 'notice', level: 'warn', message }, at: 2 })),
      { type: 'event', event: { type: 'step-applied', index: 9, commit: 'x', diff: '', attempts: 1 }, at: 3 },
      { type: 'cancel' },
      { type: 'error', message: 'request aborted', hint: 'h' },
    ];
    const state = actions.reduce(reduceRun, initialRunState);
    expect(state).toMatchObject({ stage: 'failed', cancelling: true, notices: ['b', 'c', 'd', 'e'], error: { message: 'request aborted', hint: 'h' }, steps: [] });
  });
});

describe('run figures', () => {
  const applying = play([...PLANNING, ...PLAN_READY, ...APPLYING]);

  it('tokens per second: live from the stream while running, from the finished calls after', () => {
    expect(tokensPerSecond(applying.steps[1])).toBe(30);
    expect(tokensPerSecond(applying.steps[0])).toBe(50);
    expect(formatRate(tokensPerSecond({ ...applying.steps[1], chunks: 0 }))).toBe('- tok/s');
    expect(formatRate(12.6)).toBe('13 tok/s');
  });

  it('elapsed time runs until the step finishes', () => {
    expect(stepElapsed(applying.steps[0], 99_999)).toBe('0.0s');
    expect(stepElapsed(applying.steps[1], 1011 + 2500)).toBe('2.5s');
    expect(stepElapsed({ ...applying.steps[1], startedAt: undefined }, 5000)).toBe('-');
  });

  it('cost so far per step and for the run, with unknown parts as a lower bound', () => {
    expect(stepCost(applying.steps[0])).toBe('$0.0000');
    expect(stepCost(applying.steps[1])).toBe('-');
    expect(runCost(applying)).toBe('$0.0060');
    const unknown = play([{ type: 'call-finished', record: editorRecord(1, { costUsd: null }) }], applying);
    expect(stepCost(unknown.steps[1])).toBe('?');
    expect(runCost(unknown)).toBe('≥$0.0060');
    expect(runCost(play([{ type: 'call-finished', record: record({ costUsd: null }) }]))).toBe('?');
  });

  it('progress counts the steps in the run, not those left out', () => {
    expect(runProgress(applying)).toBe('1 of 2 applied');
    const leftOut = play([{ type: 'step-skipped', index: 1, reason: 'left out of this run' }], applying);
    expect(runProgress(leftOut)).toBe('1 of 1 applied');
    const failed = play([{ type: 'step-failed', index: 1, reason: 'x' }], applying);
    expect(runProgress(failed)).toBe('1 of 2 applied, 1 failed');
  });
});
