import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, isolatedHome, runCli } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp-dir.js';

let dir: string;
// Not a git repository: --sim runs from any folder.
useTempDir('tandem-bench-cwd-', (path) => (dir = path));

describe('tandem bench --sim', () => {
  it('runs every built-in task both ways offline: every test passes, and the split costs less than all-cloud', async () => {
    const result = await runCli(['bench', '--sim', '--json', '--html', 'bench.html'], { cwd: dir, timeoutMs: 120_000 });
    expect(result.stderr).toContain('SIMULATED gateway');
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.tasks.length).toBeGreaterThanOrEqual(8);
    for (const task of report.tasks) {
      for (const way of ['split', 'cloud']) {
        expect(task[way]).toMatchObject({ passed: true, costUsd: expect.any(Number), tokens: expect.any(Number), seconds: expect.any(Number), stepsRefused: 0 });
        expect(task[way].stepsApplied).toBeGreaterThan(0);
      }
      // The local editor costs nothing: the split pays only for the architect.
      expect(task.split.costUsd).toBeLessThan(task.cloud.costUsd);
    }
    const { split, cloud, savedPct } = report.totals;
    expect(split.passed).toBe(report.tasks.length);
    expect(cloud.passed).toBe(report.tasks.length);
    expect(savedPct).toBeCloseTo(((cloud.costUsd - split.costUsd) / cloud.costUsd) * 100, 0);
    expect(savedPct).toBeGreaterThan(0);
    const html = await readFile(join(dir, 'bench.html'), 'utf8');
    expect(html).toContain('<section id="bench">');
    for (const task of report.tasks) expect(html).toContain(`<td>${task.id}</td>`);
  }, 150_000);

  it('prints the table at 80x24 for the tasks picked with --tasks, with --editor-model named', async () => {
    const command = `stty cols 80 rows 24; node ${BIN} bench --sim --tasks ts-port,py-fizzbuzz --editor-model qwen2.5-coder:32b`;
    const result = await execa('script', ['-qec', command, '/dev/null'], { cwd: dir, reject: false, env: { HOME: await isolatedHome(), NO_COLOR: '1', PATH: process.env.PATH ?? '' }, extendEnv: false, timeout: 60_000 });
    expect(result.exitCode).toBe(0);
    const lines = String(result.stdout).replace(/\r/g, '').split('\n');
    const table = lines.slice(lines.findIndex((l) => l.startsWith('task ')));
    expect(table[0]).toBe('task            pass      cost  tokens   time   pass      cost  tokens   time');
    expect(table[1]).toMatch(/^ts-port +yes +\$0\.\d{4} +[\d,]+ +\d+\.\ds +yes +\$0\.\d{4}/);
    expect(table[2]).toMatch(/^py-fizzbuzz +yes /);
    expect(table[3]).toMatch(/^total +2\/2 /);
    expect(lines).toContain('split: anthropic/claude-sonnet-4 plans, qwen2.5-coder:32b edits.');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  }, 90_000);

  it('refuses an unknown task with exit 2 and names the tasks there are', async () => {
    const result = await runCli(['bench', '--sim', '--tasks', 'ts-nope'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no bench task "ts-nope"');
    expect(result.stderr).toContain('ts-clamp');
  });
});
