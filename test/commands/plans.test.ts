import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderPlans, type PlanRow } from '../../src/commands/plans.js';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;

beforeEach(async () => {
  repo = await gitFixture({ 'a.txt': 'a\n', 'b.txt': 'b\n' });
});
afterEach(async () => {
  await repo.cleanup();
});

async function savePlan(id: string, task: string, files: string[], createdAt: string): Promise<void> {
  await mkdir(join(repo.root, '.tandem/plans'), { recursive: true });
  const steps = files.map((file) => ({ title: `edit ${file}`, file, action: 'edit', instructions: 'x', depends_on: [] }));
  const plan = { id, task, createdAt, baseCommit: null, summary: '', steps, architect: { model: 'm', provider: 'p', promptTokens: 0, completionTokens: 0, latencyMs: 0, costUsd: 0 } };
  await writeFile(join(repo.root, '.tandem/plans', `${id}.json`), JSON.stringify(plan));
}

async function step(file: string, plan: string, n: number): Promise<void> {
  await writeFile(join(repo.root, file), `${plan} ${n}\n`);
  await repo.git('commit', '-q', '-am', `tandem: ${plan} step ${n}`, '-m', `Tandem-Plan: ${plan}\nTandem-Step: ${n}`);
}

describe('tandem plans', () => {
  it('lists plans newest first with applied, partial (reverts not counted) and not applied, from the trailers on every branch', async () => {
    await savePlan('full-0001', 'change both files', ['a.txt', 'b.txt'], '2026-12-01T10:00:00.000Z');
    await savePlan('half-0002', 'change both again', ['a.txt', 'b.txt'], '2026-12-01T11:00:00.000Z');
    await savePlan('none-0003', 'never applied', ['a.txt'], '2026-12-01T12:00:00.000Z');
    await writeFile(join(repo.root, '.tandem/plans/broken.raw.txt'), 'not a plan');
    await repo.git('switch', '-q', '-c', 'tandem/full-0001');
    await step('a.txt', 'full-0001', 1);
    await step('b.txt', 'full-0001', 2);
    await repo.git('switch', '-q', '-c', 'tandem/half-0002', 'main');
    await step('a.txt', 'half-0002', 1);
    await step('b.txt', 'half-0002', 2);
    await repo.git('revert', '--no-edit', 'HEAD');
    await repo.git('switch', '-q', 'main');

    const result = await runCli(['plans', '--json'], { cwd: repo.root });
    expect(result.exitCode, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as PlanRow[];
    expect(rows.map((r) => [r.id, r.steps, r.applied, r.status, r.branches])).toEqual([
      ['none-0003', 1, 0, 'not applied', []],
      ['half-0002', 2, 1, 'partial', ['tandem/half-0002']],
      ['full-0001', 2, 2, 'applied', ['tandem/full-0001']],
    ]);

    const text = await runCli(['plans'], { cwd: repo.root });
    expect(text.stdout.split('\n')).toEqual([
      expect.stringMatching(/^Plan +Age +Steps +Applied +Task$/),
      expect.stringMatching(/^none-0003 +\d+[smhd] +1 +not applied +never applied$/),
      expect.stringMatching(/^half-0002 +\d+[smhd] +2 +partial 1\/2 +change both again$/),
      expect.stringMatching(/^full-0001 +\d+[smhd] +2 +applied +change both files$/),
    ]);
  });

  it('says how to make one when there is none', async () => {
    const result = await runCli(['plans'], { cwd: repo.root });
    expect(result.stdout).toBe('No saved plans yet: tandem plan "<task>" makes one.');
  });

  it('fits the task into the terminal width and names the plan a revision revises', () => {
    const row: PlanRow = { id: 'rename-getuser-to-fetchuser-everywhere-1a2b', createdAt: '2026-12-01T10:00:00.000Z', task: 'rename getUser to fetchUser everywhere and update every caller', steps: 12, applied: 0, status: 'not applied', branches: [], revises: 'rename-1234' };
    const text = renderPlans([row], new Date('2026-12-03T10:30:00.000Z'), 80);
    expect(text.split('\n')[1]).toMatch(/^rename-getuser-to-fetchuser-everywhere-1a2b  2d {6}12  not applied  \(revises …$/);
    expect(text.split('\n').every((line) => [...line].length <= 80)).toBe(true);
  });
});
