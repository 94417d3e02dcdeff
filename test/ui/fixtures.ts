import type { SavedPlan } from '../../src/architect/types.js';
import type { ActivityRecord } from '../../src/activity/types.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import type { RunReport } from '../../src/report/types.js';

/** A two-step plan as the architect makes it. */
export const PLAN: SavedPlan = {
  id: 'add-subtraction-1a2b',
  task: 'add subtraction and a greeting',
  createdAt: '2025-03-01T10:00:00.000Z',
  baseCommit: 'b'.repeat(40),
  summary: 'Add subtraction and a greeting module.',
  steps: [
    { title: 'Add subtract', file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] },
    { title: 'Create greet', file: 'src/greet.ts', action: 'create', instructions: 'Export greet(name) returning "hello " + name.', depends_on: [0] },
  ],
  architect: { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 1000, completionTokens: 200, latencyMs: 2100, costUsd: 0.006 },
};

export const COMMIT_1 = '1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
export const COMMIT_2 = '2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

export const MATH_DIFF = [
  'diff --git a/src/math.ts b/src/math.ts',
  '--- a/src/math.ts',
  '+++ b/src/math.ts',
  '@@ -1,3 +1,7 @@',
  ' export function add(a: number, b: number): number {',
  '   return a + b;',
  ' }',
  '+',
  '+export function subtract(a: number, b: number): number {',
  '+  return a - b;',
  '+}',
  '',
].join('\n');

/** An activity record of one call. */
export function record(overrides: Partial<ActivityRecord>): ActivityRecord {
  return {
    ts: '2025-03-01T10:00:05.000Z',
    runId: 'run-1',
    planId: PLAN.id,
    step: null,
    role: 'architect',
    model: 'anthropic/claude-sonnet-4',
    provider: 'anthropic',
    promptTokens: 1000,
    completionTokens: 200,
    cachedTokens: 0,
    latencyMs: 2100,
    ttftMs: 400,
    costUsd: 0.006,
    costSource: 'pricing',
    status: 'ok',
    error: null,
    ...overrides,
  };
}

/** The editor's call for step `index`. */
export function editorRecord(index: number, overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return record({ step: index, role: 'editor', model: 'qwen2.5-coder:7b', provider: 'ollama-local', promptTokens: 500, completionTokens: 100, latencyMs: 2000, costUsd: 0, ...overrides });
}

/** Events up to the plan: the architect streams, its call is recorded, the plan is saved. */
export const PLANNING: PipelineEvent[] = [
  { type: 'architect-start', model: 'anthropic/claude-sonnet-4', round: 'plan' },
  { type: 'architect-delta', text: '{"summary": "Add subtraction and a greeting module.",\n', chunks: 12 },
  { type: 'architect-delta', text: ' "steps": [{"title": "Add subtract",', chunks: 21 },
];

export const PLAN_READY: PipelineEvent[] = [
  { type: 'call-finished', record: record({}) },
  { type: 'plan-ready', plan: PLAN, path: `/repo/.tandem/plans/${PLAN.id}.json` },
];

/** Step 1 applied, step 2 streaming. */
export const APPLYING: PipelineEvent[] = [
  { type: 'apply-start', plan: PLAN, branch: `tandem/${PLAN.id}`, steps: [0, 1] },
  { type: 'step-start', index: 0, title: 'Add subtract', file: 'src/math.ts', attempt: 1, role: 'editor', model: 'qwen2.5-coder:7b', provider: 'ollama-local' },
  { type: 'step-delta', index: 0, chunks: 100, elapsedMs: 2000 },
  { type: 'call-finished', record: editorRecord(0) },
  { type: 'step-applied', index: 0, commit: COMMIT_1, diff: MATH_DIFF, attempts: 1 },
  { type: 'step-start', index: 1, title: 'Create greet', file: 'src/greet.ts', attempt: 1, role: 'editor', model: 'qwen2.5-coder:7b', provider: 'ollama-local' },
  { type: 'step-delta', index: 1, chunks: 30, elapsedMs: 1000 },
];

/** The report `done` carries for the run above. */
export const REPORT: RunReport = {
  plan: { id: PLAN.id, task: PLAN.task, summary: PLAN.summary },
  architect: PLAN.architect,
  steps: [
    { index: 0, title: 'Add subtract', file: 'src/math.ts', status: 'applied', model: 'qwen2.5-coder:7b', provider: 'ollama-local', promptTokens: 500, completionTokens: 100, latencyMs: 2000, costUsd: 0, attempts: 1, commit: COMMIT_1 },
    { index: 1, title: 'Create greet', file: 'src/greet.ts', status: 'applied', model: 'qwen2.5-coder:7b', provider: 'ollama-local', promptTokens: 500, completionTokens: 100, latencyMs: 2000, costUsd: 0, attempts: 1, commit: COMMIT_2 },
  ],
  totals: { promptTokens: 2000, completionTokens: 400, latencyMs: 6100, costUsd: 0.006 },
  savings: { actualUsd: 0.006, allCloudUsd: 0.012, savedUsd: 0.006, savedPct: 50 },
  branch: `tandem/${PLAN.id}`,
};

/** The rest of the run: step 2 applied, `done`. */
export const FINISHING: PipelineEvent[] = [
  { type: 'call-finished', record: editorRecord(1) },
  { type: 'step-applied', index: 1, commit: COMMIT_2, diff: '--- /dev/null\n+++ b/src/greet.ts\n@@ -0,0 +1,3 @@\n+export function greet(name: string): string {\n+  return `hello ${name}`;\n+}\n', attempts: 1 },
  { type: 'done', report: REPORT, exitCode: 0 },
];
