import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';
import { SESSION } from '../stats/records.js';

let repo: GitFixture;
const env = { TZ: 'UTC' };

beforeEach(async () => {
  repo = await gitFixture({ 'README.md': '# x\n' });
});
afterEach(() => repo.cleanup());

async function writeState(): Promise<void> {
  await mkdir(join(repo.root, '.tandem', 'plans'), { recursive: true });
  await writeFile(join(repo.root, '.tandem', 'activity.jsonl'), SESSION.map((record) => `${JSON.stringify(record)}\n`).join(''));
  const plan = {
    id: 'plan-1', task: 'Add subtract & greet', summary: 's', createdAt: '2025-03-01T09:59:00.000Z', baseCommit: null,
    architect: { model: 'm', provider: 'p', promptTokens: 0, completionTokens: 0, latencyMs: 0, costUsd: 0 },
    steps: [
      { title: 'Add <subtract>', file: 'src/math.ts', action: 'edit', instructions: 'i', depends_on: [] },
      { title: 'Create greet', file: 'src/greet.ts', action: 'create', instructions: 'i', depends_on: [] },
    ],
  };
  await writeFile(join(repo.root, '.tandem', 'plans', 'plan-1.json'), JSON.stringify(plan));
}

describe('tandem report through the built CLI', () => {
  test('--html alone writes under .tandem/reports/, says where, and leaves the tree clean', async () => {
    await writeState();
    const run = await runCli(['report', '--html'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    const path = join(repo.root, '.tandem', 'reports', 'run-2.html');
    expect(run.stdout).toBe(`Wrote ${path}: run run-2 (1 call), 6 calls over 2 days.`);
    expect(await readFile(path, 'utf8')).toContain('<h2>Run <code>run-2</code></h2>');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  test('--run picks a run; the plan names its steps; the file is relative to -C', async () => {
    await writeState();
    const run = await runCli(['report', '--html', 'out/r.html', '--run', 'run-1', '-C', repo.root], { cwd: tmpdir(), env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${join(repo.root, 'out', 'r.html')}: run run-1 (5 calls), 6 calls over 2 days.`);
    const html = await readFile(join(repo.root, 'out', 'r.html'), 'utf8');
    expect(html).toContain('<h2>Run <code>run-1</code></h2>');
    expect(html).toContain('<p class="task">Add subtract &amp; greet</p>');
    expect(html).toContain('<td class="step">1 Add &lt;subtract&gt;</td>');
    expect(html).toContain('<td class="step">2 Create greet</td>');
    expect(html).toContain('<td class="step">3</td>');
  });

  test('the latest run by default, and --since narrows only the over-time part', async () => {
    await writeState();
    const run = await runCli(['report', '--html', 'r.html', '--since', '2025-03-02'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${join(repo.root, 'r.html')}: run run-2 (1 call), 1 call over 1 day.`);
  });

  test('usage errors exit 2: no --html, an unknown run', async () => {
    await writeState();
    const none = await runCli(['report'], { cwd: repo.root, env });
    expect([none.exitCode, none.stderr]).toEqual([2, 'tandem: nothing to write: give --html\n  tandem report --html writes .tandem/reports/<run>.html; --html <file> writes where you say']);
    const unknown = await runCli(['report', '--html', 'r.html', '--run', 'run-9'], { cwd: repo.root, env });
    expect([unknown.exitCode, unknown.stderr]).toEqual([2, 'tandem: no model calls recorded for run "run-9"\n  run ids are the runId field of "tandem log --json"']);
  });

  test('an empty log still makes a page that says so', async () => {
    const run = await runCli(['report', '--html', 'r.html'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Wrote ${join(repo.root, 'r.html')}: no run recorded yet, 0 calls over 0 days.`);
    expect(await readFile(join(repo.root, 'r.html'), 'utf8')).toContain('No model calls recorded yet.');
  });
});
