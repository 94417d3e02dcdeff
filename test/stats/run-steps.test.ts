import { describe, expect, test } from 'vitest';
import { localityOf } from '../../src/stats/locality.js';
import { latestRunId, usageByStep } from '../../src/stats/run-steps.js';
import { call, failed, SESSION } from './records.js';

describe('latestRunId', () => {
  test('the run of the newest call, whatever the file order; null for no calls', () => {
    expect(latestRunId(SESSION)).toBe('run-2');
    expect(latestRunId([SESSION[5], SESSION[0]])).toBe('run-2');
    expect(latestRunId([call({ ts: '2025-03-01T10:00:00Z', runId: 'a' }), call({ ts: '2025-03-01T10:00:00Z', runId: 'b' })])).toBe('b');
    expect(latestRunId([])).toBeNull();
  });
});

describe('usageByStep', () => {
  test('planning first, then steps by number, each split into cloud and local, with titles where known', () => {
    const run = [
      ...SESSION.filter((record) => record.runId === 'run-1'),
      call({ step: 1, role: 'fallback', model: 'gpt-4o-mini', provider: 'openrouter', promptTokens: 900, completionTokens: 200, latencyMs: 4000, costUsd: 0.00027 }),
    ];
    const isLocal = localityOf({ architect: { local: false }, editor: { local: true }, fallback: { local: false } } as never);
    const steps = usageByStep(run, isLocal, new Map([[0, 'Add subtract'], [1, 'Create greet']]));
    expect(steps.map((s) => [s.label, s.title, s.cloud.calls, s.cloud.latencyMs, s.cloud.cost, s.local.calls, s.local.failures, s.local.latencyMs, s.local.cost])).toEqual([
      ['plan', 'planning', 1, 8200, { usd: 0.006, partial: false }, 0, 0, 0, { usd: 0, partial: false }],
      ['1', 'Add subtract', 0, 0, { usd: 0, partial: false }, 1, 0, 1200, { usd: 0, partial: false }],
      ['2', 'Create greet', 1, 4000, { usd: 0.00027, partial: false }, 2, 1, 905, { usd: 0, partial: false }],
      ['3', null, 0, 0, { usd: 0, partial: false }, 1, 0, 3000, { usd: 0, partial: false }],
    ]);
    expect(steps.map((s) => s.step)).toEqual([null, 0, 1, 2]);
  });

  test('a step whose only call failed is still there', () => {
    expect(usageByStep([failed({ step: 4 })], () => true).map((s) => [s.label, s.local.calls, s.local.failures])).toEqual([['5', 1, 1]]);
  });
});

describe('localityOf', () => {
  test.each([
    { architect: false, editor: true, fallback: undefined, want: ['editor', 'summarizer'] },
    { architect: false, editor: true, fallback: true, want: ['editor', 'fallback', 'summarizer'] },
    { architect: false, editor: false, fallback: false, want: [] },
    { architect: true, editor: true, fallback: false, want: ['architect', 'editor', 'summarizer'] },
  ])('architect $architect, editor $editor, fallback $fallback: local roles $want', ({ architect, editor, fallback, want }) => {
    const config = { architect: { local: architect }, editor: { local: editor }, fallback: fallback === undefined ? undefined : { local: fallback } };
    const isLocal = localityOf(config as never);
    expect((['architect', 'editor', 'fallback', 'summarizer'] as const).filter((role) => isLocal({ role }))).toEqual(want);
  });
});
