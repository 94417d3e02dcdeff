import { describe, expect, it } from 'vitest';
import { makeTaskRepo, runTaskTest } from '../../src/bench/task-repo.js';
import { loadBenchTasks, pickTasks } from '../../src/bench/tasks.js';

describe('built-in bench tasks', async () => {
  const tasks = await loadBenchTasks();

  it('has at least 8 tasks in TypeScript and Python', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(8);
    expect(tasks.filter((t) => t.language === 'typescript').length).toBeGreaterThanOrEqual(4);
    expect(tasks.filter((t) => t.language === 'python').length).toBeGreaterThanOrEqual(4);
    for (const task of tasks) expect(['node', 'python3']).toContain(task.test[0]);
  });

  it.each(tasks.map((t) => [t.id, t] as const))('%s: its test fails before the change', async (_id, task) => {
    const repo = await makeTaskRepo(task);
    try {
      expect(await runTaskTest(task, repo.root)).toBe(false);
    } finally {
      await repo.cleanup();
    }
  });

  it('picks tasks by id in the order given and refuses an unknown one', () => {
    expect(pickTasks(tasks, ['py-fizzbuzz', 'ts-clamp']).map((t) => t.id)).toEqual(['py-fizzbuzz', 'ts-clamp']);
    expect(pickTasks(tasks, undefined)).toBe(tasks);
    expect(() => pickTasks(tasks, ['nope'])).toThrow(/no bench task "nope"/);
  });
});
