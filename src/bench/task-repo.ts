import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { BenchTask } from './tasks.js';

/** A fresh copy of a task's repository, committed on `main`; `cleanup` removes it. */
export async function makeTaskRepo(task: BenchTask): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), `tandem-bench-${task.id}-`));
  await cp(task.repoDir, root, { recursive: true });
  const git = (...args: string[]) => execa('git', args, { cwd: root });
  await git('init', '-q', '-b', 'main');
  await git('config', 'user.name', 'tandem bench');
  await git('config', 'user.email', 'bench@tandem.invalid');
  await git('config', 'commit.gpgsign', 'false');
  await git('add', '-A');
  await git('commit', '-q', '-m', `bench task ${task.id}`);
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** Runs the task's test command in `root`: true when it exits 0 (within a minute). */
export async function runTaskTest(task: BenchTask, root: string): Promise<boolean> {
  const [command, ...args] = task.test;
  const result = await execa(command, args, { cwd: root, reject: false, timeout: 60_000, stdin: 'ignore', env: { PYTHONDONTWRITEBYTECODE: '1', NODE_OPTIONS: '' } });
  return result.exitCode === 0;
}
