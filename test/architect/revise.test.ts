import { describe, expect, it } from 'vitest';
import { revisedFields, revisionMessages } from '../../src/architect/revise.js';
import type { CallSummary, SavedPlan } from '../../src/architect/types.js';
import type { RunReport } from '../../src/report/types.js';

const call = (costUsd: number | null, promptTokens = 100): CallSummary => ({ model: 'a/m', provider: 'p', promptTokens, completionTokens: 10, latencyMs: 1000, costUsd });
const plan: SavedPlan = {
  id: 'greet-1a2b',
  task: 'greet and part',
  createdAt: '2026-12-01T10:00:00.000Z',
  baseCommit: null,
  summary: 'Greet and part.',
  steps: [
    { title: 'Add hello', file: 'src/hi.ts', action: 'edit', instructions: 'Add hello().', depends_on: [] },
    { title: 'Add bye', file: 'src/bye.ts', action: 'create', instructions: 'Add bye().', depends_on: [0] },
  ],
  architect: call(0.01),
};
const outcome = {
  branch: 'tandem/greet-1a2b',
  steps: [
    { index: 1, title: 'Add bye', file: 'src/bye.ts', status: 'failed', reason: 'the SEARCH block matches nothing:\n  nearest line 3' },
    { index: 0, title: 'Add hello', file: 'src/hi.ts', status: 'applied' },
  ],
} as unknown as RunReport;

describe('revisionMessages', () => {
  it('follows the first request with the plan as the architect answered it, then the feedback and the run', async () => {
    const messages = await revisionMessages({ plan, feedback: '  one file only \n', outcome });
    expect(messages[0]).toEqual({ role: 'assistant', content: JSON.stringify({ summary: plan.summary, steps: plan.steps }, null, 2) });
    expect(messages[1].role).toBe('user');
    await expect(String(messages[1].content)).toMatchFileSnapshot('./__snapshots__/revise-after-run.txt');
    const before = await revisionMessages({ plan, feedback: 'one file only' });
    expect(String(before[1].content)).not.toContain('The plan was run');
  });
});

describe('revisedFields', () => {
  it('keeps every version with its own calls and sums them, unknown cost making the sum unknown', () => {
    const first = revisedFields(plan, 'greet-3c4d', call(0.02, 300));
    expect(first.revises).toBe('greet-1a2b');
    expect(first.versions?.map((v) => [v.id, v.architect.costUsd])).toEqual([
      ['greet-1a2b', 0.01],
      ['greet-3c4d', 0.02],
    ]);
    expect(first.architect).toMatchObject({ promptTokens: 400, completionTokens: 20, latencyMs: 2000, costUsd: 0.03 });
    const second = revisedFields({ ...plan, id: 'greet-3c4d', ...first }, 'greet-5e6f', call(null));
    expect(second.versions?.map((v) => v.id)).toEqual(['greet-1a2b', 'greet-3c4d', 'greet-5e6f']);
    expect(second.architect.costUsd).toBeNull();
  });
});
