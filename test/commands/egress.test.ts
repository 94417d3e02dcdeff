import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EgressRecord } from '../../src/privacy/egress-ledger.js';
import { runCli } from '../helpers/cli.js';
import { useRepo } from '../helpers/repo-gateway.js';

const record = (runId: string, planId: string, bytes: number): EgressRecord => ({
  ts: '2025-03-01T10:00:00.000Z',
  runId,
  planId,
  step: null,
  role: 'architect',
  model: 'anthropic/claude-sonnet-4',
  provider: 'anthropic',
  cloud: true,
  privacy: 'outline',
  bytes,
  tokens: bytes / 4,
  files: [{ path: `src/${runId}.ts`, form: 'outline', bytes: bytes / 2, tokens: bytes / 8, redactions: 0 }],
  pathsListed: 3,
  withheld: [],
  redactions: {},
});

const repo = useRepo({ 'a.txt': 'a\n' });

describe('tandem egress through the built CLI', () => {
  it('says when nothing is on record', async () => {
    const result = await runCli(['egress'], { cwd: repo.root });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'Nothing recorded yet in .tandem/egress.jsonl: no model has been sent anything from this repository.' });
  });

  it('shows the newest runs, one run by id or plan id, and refuses an unknown one', async () => {
    await mkdir(join(repo.root, '.tandem'), { recursive: true });
    const lines = [record('run-1', 'plan-a', 400), record('run-2', 'plan-b', 800), record('run-3', 'plan-b', 1200)];
    await writeFile(join(repo.root, '.tandem/egress.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\ncut off mid-li`);
    const newest = JSON.parse((await runCli(['egress', '--json', '-n', '2'], { cwd: repo.root })).stdout);
    expect(newest.runs.map((r: { runId: string; cloudBytes: number }) => [r.runId, r.cloudBytes])).toEqual([
      ['run-2', 800],
      ['run-3', 1200],
    ]);
    const byPlan = JSON.parse((await runCli(['egress', '--json', '--run', 'plan-b'], { cwd: repo.root })).stdout);
    expect(byPlan.runs.map((r: { runId: string }) => r.runId)).toEqual(['run-2', 'run-3']);
    const table = await runCli(['egress', '--run', 'run-1'], { cwd: repo.root });
    expect(table.stdout).toContain('Files sent in run-1:');
    expect(table.stdout).toMatch(/src\/run-1\.ts\s+outline\s+1\s+200 B \(50 tok\)\s+-\s+0\s+architect anthropic\/claude-sonnet-4 \(anthropic\), cloud/);
    const unknown = await runCli(['egress', '--run', 'run-9'], { cwd: repo.root });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no run or plan "run-9" in .tandem/egress.jsonl');
  });
});
