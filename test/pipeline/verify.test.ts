import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SavedPlan } from '../../src/architect/types.js';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { ExitCode, TandemError } from '../../src/errors.js';
import type { ModelClient, ModelRequest } from '../../src/gateway/types.js';
import type { ClientFactory } from '../../src/pipeline/context.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { approveAll, runPipeline, type Decisions } from '../../src/pipeline/run.js';
import { roundsExitCode, sumCalls, withRounds, type RoundsResult } from '../../src/pipeline/verify.js';
import type { RunReport } from '../../src/report/types.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const A = 'export const a = 1;\n';
const PLAN = { summary: 'Make a two.', steps: [{ title: 'Set a', file: 'src/a.ts', action: 'edit', instructions: 'a = 2', depends_on: [] }] };
const FIX = { summary: 'Mark it fixed.', steps: [{ title: 'Mark fixed', file: 'src/a.ts', action: 'edit', instructions: 'add a fixed comment', depends_on: [] }] };
const edit = (from: string, to: string) => `src/a.ts\n<<<<<<< SEARCH\n${from}=======\n${to}>>>>>>> REPLACE\n`;
// Passes once src/a.ts says "fixed".
const CHECK = 'grep -q fixed src/a.ts';

/** A scripted client per role: the architect's answers in order, the editor's likewise; every call recorded like the real client. */
function scripted(answers: { architect: string[]; editor: string[] }, costUsd = 0.01): { factory: ClientFactory; requests: ModelRequest[] } {
  const requests: ModelRequest[] = [];
  const factory: ClientFactory = (role, onCall) => {
    const queue = role.role === 'architect' ? answers.architect : answers.editor;
    const client: ModelClient = {
      role: role.role,
      model: role.model,
      async complete(request) {
        requests.push(request);
        const text = queue.shift();
        if (text === undefined) throw new Error(`script ran out of ${role.role} answers`);
        const cost = role.role === 'architect' ? costUsd : 0;
        const result = { text, model: role.model, provider: 'p', promptTokens: 100, completionTokens: 10, cachedTokens: 0, latencyMs: 5, ttftMs: null, costUsd: cost, costSource: 'pricing' as const };
        onCall({ ...result, role: role.role, status: 'ok', meta: request.meta });
        return result;
      },
    };
    return client;
  };
  return { factory, requests };
}

let repo: GitFixture;
let config: ResolvedConfig;

async function run(input: { factory: ClientFactory; decisions?: Decisions; checkEach?: boolean; fixRounds?: number; maxCostUsd?: number }) {
  const events: PipelineEvent[] = [];
  for await (const event of runPipeline({
    workspace: await openWorkspace(repo.root),
    config,
    task: 'make a two',
    files: [],
    concurrency: 1,
    allowDirty: false,
    inPlace: false,
    decisions: input.decisions ?? approveAll,
    clientFactory: input.factory,
    budget: { maxCostUsd: input.maxCostUsd },
    verify: { command: CHECK, checkEach: Boolean(input.checkEach), fixRounds: input.fixRounds ?? 2 },
  })) {
    events.push(event);
  }
  const done = events.find((e) => e.type === 'done');
  if (done?.type !== 'done') throw new Error('no done event');
  return { report: done.report, exitCode: done.exitCode, events };
}

describe('the verify loop', () => {
  beforeEach(async () => {
    repo = await gitFixture({ 'src/a.ts': A });
    config = await loadConfig({ root: repo.root, env: { TANDEM_API_KEY: 'k', HOME: repo.root } });
  });
  afterEach(() => repo.cleanup());

  it('keeps a step whose per-step check fails, and ends when a person declines the fix-up plan', async () => {
    const { factory } = scripted({ architect: [JSON.stringify(PLAN), JSON.stringify(FIX)], editor: [edit(A, 'export const a = 2;\n')] });
    let asked = 0;
    const firstOnly: Decisions = { approvePlan: async (plan) => ({ plan, selected: asked++ === 0 ? plan.steps.map((_, i) => i) : [] }) };
    const { report, exitCode, events } = await run({ factory, decisions: firstOnly, checkEach: true });
    expect(exitCode).toBe(1);
    expect(report.steps.map((s) => [s.status, s.check?.passed])).toEqual([['applied', false]]);
    expect(report.rounds?.map((r) => [r.round, r.kind, r.steps, r.check?.passed ?? null, r.note ?? null, r.architect.costUsd])).toEqual([
      [1, 'plan', [0], false, null, 0.01],
      [2, 'fix', [], null, 'the fix-up plan was not approved', 0.01],
    ]);
    expect(report.architect.costUsd).toBe(0.02);
    // The per-step check on the same commit stands in for the round's: one check run only.
    expect(events.filter((e) => e.type === 'check-start').map((e) => (e.type === 'check-start' ? e.step : null))).toEqual([0]);
    expect(await repo.git('log', '--format=%s', 'main..HEAD')).toBe('tandem: Set a');
  });

  it('appends fix-up steps to the saved plan with their dependencies moved past the earlier rounds', async () => {
    const fix = { summary: 'Two fixes.', steps: [FIX.steps[0], { title: 'Add b', file: 'src/b.ts', action: 'create', instructions: 'export b', depends_on: [0] }] };
    const { factory, requests } = scripted({
      architect: [JSON.stringify(PLAN), JSON.stringify(fix)],
      editor: [edit(A, 'export const a = 2;\n'), edit('export const a = 2;\n', 'export const a = 2; // fixed\n'), '```ts\nexport const b = 1;\n```\n'],
    });
    const { report, exitCode } = await run({ factory });
    expect(exitCode).toBe(0);
    expect(report.check).toEqual({ command: CHECK, passed: true, passedRound: 2, checkEach: false });
    expect(report.steps.map((s) => [s.index, s.file, s.status])).toEqual([
      [0, 'src/a.ts', 'applied'],
      [1, 'src/a.ts', 'applied'],
      [2, 'src/b.ts', 'applied'],
    ]);
    const saved = JSON.parse(await readFile(join(repo.root, `.tandem/plans/${report.plan.id}.json`), 'utf8')) as SavedPlan;
    expect(saved.steps.map((s) => [s.title, s.depends_on])).toEqual([
      ['Set a', []],
      ['Mark fixed', []],
      ['Add b', [1]],
    ]);
    expect(saved.architect.costUsd).toBe(0.02);
    expect(await repo.git('log', '-1', '--format=%B', 'HEAD')).toContain('Tandem-Step: 3');
    // The fix-up request starts with the first request's prefix (system prompt, repository view), so a prompt cache can serve it.
    const architect = requests.filter((r) => r.meta?.step === null);
    expect(architect).toHaveLength(2);
    expect(architect[1].messages.slice(0, 2)).toEqual(architect[0].messages.slice(0, 2));
    expect(architect[1].messages[1].cacheBreak).toBe(true);
    expect(architect[1].messages[2].content).toContain('Fix-up round 1.');
  });

  it('reports an unusable fix-up plan, saving the raw answer, with exit 1', async () => {
    const { factory } = scripted({ architect: [JSON.stringify(PLAN), 'no idea', 'still no idea'], editor: [edit(A, 'export const a = 2;\n')] });
    const { report, exitCode } = await run({ factory });
    expect(exitCode).toBe(1);
    const note = report.rounds?.[1].note ?? '';
    expect(note).toMatch(/^no fix-up plan: the architect's plan was unusable after one repair round: .+\. The raw answer is saved in .+\.fix-1\.raw\.txt$/);
    expect(existsSync(note.replace(/^.* saved in /, ''))).toBe(true);
    expect(report.rounds?.[1].architect.costUsd).toBe(0.02);
  });

  it('stops with exit 3 when the budget refuses the fix-up call, keeping the first round', async () => {
    // Each architect call is estimated at about $0.063 ($15 per million for 4,096 answer tokens); the first costs $0.05.
    const { factory, requests } = scripted({ architect: [JSON.stringify(PLAN)], editor: [edit(A, 'export const a = 2;\n')] }, 0.05);
    const { report, exitCode, events } = await run({ factory, maxCostUsd: 0.1 });
    expect(exitCode).toBe(3);
    expect(requests).toHaveLength(2);
    expect(report.rounds?.[1].note).toMatch(/^no fix-up plan: budget reached \(--max-cost \$0\.1000\): the architect call \(up to \$0\.06\d+\) would go over it, with \$0\.0500 spent$/);
    expect(report.budget?.stopped?.limit).toBe('cost');
    expect(events.filter((e) => e.type === 'budget-stop')).toHaveLength(1);
    expect(report.steps.map((s) => s.status)).toEqual(['applied']);
  });
});

describe('roundsExitCode', () => {
  const result = (over: Partial<RoundsResult> = {}): RoundsResult => ({ plan: {} as SavedPlan, outcomes: [], rounds: [], stepChecks: new Map(), passedRound: 1, ...over });
  const applied = { index: 0, status: 'applied' as const, file: 'a', calls: [], fallbackCalls: [], attempts: 1, commit: 'x' };
  const failed = { ...applied, status: 'failed' as const, commit: null };
  const cases: Array<[string, RoundsResult, { aborted: boolean; budgetStopped: boolean; verify: boolean }, number]> = [
    ['all applied, check passed', result({ outcomes: [applied] }), { aborted: false, budgetStopped: false, verify: true }, ExitCode.ok],
    ['check never passed', result({ outcomes: [applied], passedRound: null }), { aborted: false, budgetStopped: false, verify: true }, ExitCode.failed],
    ['no check at all', result({ outcomes: [applied], passedRound: null }), { aborted: false, budgetStopped: false, verify: false }, ExitCode.ok],
    ['a failed step, check passed', result({ outcomes: [applied, failed] }), { aborted: false, budgetStopped: false, verify: true }, ExitCode.failed],
    ['budget beats a failed step', result({ outcomes: [failed] }), { aborted: false, budgetStopped: true, verify: true }, ExitCode.budget],
    ['unreachable beats budget', result({ outcomes: [{ ...failed, unreachable: true }] }), { aborted: false, budgetStopped: true, verify: true }, ExitCode.unreachable],
    ['unreachable architect in a fix-up', result({ error: new TandemError('down', { exitCode: 4 }), passedRound: null }), { aborted: false, budgetStopped: false, verify: true }, ExitCode.unreachable],
    ['interrupted beats all', result({ outcomes: [failed] }), { aborted: true, budgetStopped: true, verify: true }, ExitCode.interrupted],
  ];
  it.each(cases)('%s', (_name, rounds, options, expected) => {
    expect(roundsExitCode(rounds, options)).toBe(expected);
  });
});

describe('withRounds and sumCalls', () => {
  it('leaves a report without a check untouched and adds each step its own check', () => {
    const report = { steps: [{ index: 0 }, { index: 1 }] } as unknown as RunReport;
    const check = { command: 'c', exitCode: 1, passed: false, output: 'x', durationMs: 3 };
    const rounds: RoundsResult = { plan: {} as SavedPlan, outcomes: [], rounds: [], stepChecks: new Map([[1, check]]), passedRound: null };
    expect(withRounds(report, rounds, undefined)).toBe(report);
    const added = withRounds(report, rounds, { command: 'c', checkEach: true, fixRounds: 2 });
    expect(added.steps).toEqual([{ index: 0 }, { index: 1, check }]);
    expect(added.check).toEqual({ command: 'c', passed: false, passedRound: null, checkEach: true });
  });

  it('adds two call summaries, unknown cost staying unknown', () => {
    const a = { model: 'm1', provider: 'p1', promptTokens: 10, completionTokens: 2, latencyMs: 5, costUsd: 0.1 };
    expect(sumCalls(a, { model: 'm2', provider: '', promptTokens: 1, completionTokens: 1, latencyMs: 1, costUsd: null })).toEqual({
      model: 'm2',
      provider: 'p1',
      promptTokens: 11,
      completionTokens: 3,
      latencyMs: 6,
      costUsd: null,
    });
    expect(sumCalls(a, { model: '', provider: '', promptTokens: 0, completionTokens: 0, latencyMs: 0, costUsd: 0 })).toBe(a);
  });
});
