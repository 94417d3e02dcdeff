import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../architect/types.js';
import { usageError } from '../errors.js';
import { packageUrl } from '../package-root.js';

/** What the simulated gateway answers for a task: the architect's plan, each file's edit, and a first local answer that misses. */
export interface BenchSim {
  plan: Plan;
  edits: Record<string, string>;
  /** A first answer of the local editor for a file that does not apply, so the retry path is exercised. */
  localFirstTry?: Record<string, string>;
}

/** One built-in bench task: a tiny repository whose test fails until the change is made. */
export interface BenchTask {
  id: string;
  language: 'typescript' | 'python';
  /** The task given to the architect. */
  task: string;
  /** The test command, run in the task's repository: exit 0 means the change works. */
  test: string[];
  sim: BenchSim;
  /** Folder holding the repository's files. */
  repoDir: string;
}

const TASKS_DIR = packageUrl('bench-tasks/');

/** Every built-in task, sorted by id. */
export async function loadBenchTasks(): Promise<BenchTask[]> {
  const ids = (await readdir(TASKS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const tasks = await Promise.all(
    ids.map(async (id) => {
      const spec = JSON.parse(await readFile(new URL(`${id}/task.json`, TASKS_DIR), 'utf8')) as Omit<BenchTask, 'repoDir'>;
      return { ...spec, repoDir: fileURLToPath(new URL(`${id}/repo/`, TASKS_DIR)) };
    }),
  );
  return tasks.sort((a, b) => a.id.localeCompare(b.id));
}

/** The tasks `--tasks a,b` names, in the order given; all of them without a list. An unknown id is a usage error. */
export function pickTasks(tasks: BenchTask[], wanted: string[] | undefined): BenchTask[] {
  if (!wanted || wanted.length === 0) return tasks;
  return wanted.map((id) => {
    const task = tasks.find((t) => t.id === id);
    if (!task) throw usageError(`no bench task "${id}"`, `the tasks are: ${tasks.map((t) => t.id).join(', ')}`);
    return task;
  });
}
