import { resolve } from 'node:path';
import { listPlans, planProgress, type PlanProgress } from '../architect/plan-list.js';
import type { SavedPlan } from '../architect/types.js';
import { truncate } from '../report/format.js';
import { openWorkspace } from '../workspace/git.js';

/** Options of `tandem plans`. */
export interface PlansOptions {
  cwd?: string;
  json?: boolean;
}

/** A saved plan as listed: how far it got, from the commits' trailers. */
export interface PlanRow {
  id: string;
  createdAt: string;
  task: string;
  steps: number;
  applied: number;
  status: 'applied' | 'partial' | 'not applied';
  branches: string[];
  revises?: string;
}

/** `tandem plans`: the saved plans, newest first, with their age, task, steps and whether they were applied. */
export async function plansCommand(options: PlansOptions, now: Date = new Date(), width: number | undefined = process.stdout.isTTY ? process.stdout.columns || 80 : undefined): Promise<number> {
  const workspace = await openWorkspace(resolve(options.cwd ?? process.cwd()));
  const [plans, progress] = await Promise.all([listPlans(workspace.root), planProgress(workspace.root)]);
  const rows = plans.map((plan) => planRow(plan, progress.get(plan.id)));
  if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else if (rows.length === 0) process.stdout.write('No saved plans yet: tandem plan "<task>" makes one.\n');
  else process.stdout.write(`${renderPlans(rows, now, width)}\n`);
  return 0;
}

/** One plan's row: a plan is applied when every step has a commit, partial when some have. */
export function planRow(plan: SavedPlan & { revises?: string }, progress: PlanProgress | undefined): PlanRow {
  const applied = plan.steps.filter((_, index) => progress?.steps.has(index + 1)).length;
  const status = applied === 0 ? 'not applied' : applied === plan.steps.length ? 'applied' : 'partial';
  return {
    id: plan.id,
    createdAt: plan.createdAt,
    task: plan.task,
    steps: plan.steps.length,
    applied,
    status,
    branches: [...(progress?.branches ?? [])].sort(),
    ...(plan.revises ? { revises: plan.revises } : {}),
  };
}

/** The rows as aligned text; the task takes what is left of `width` (all of it when unbounded). */
export function renderPlans(rows: readonly PlanRow[], now: Date, width?: number): string {
  const cells = rows.map((row) => [row.id, age(new Date(row.createdAt), now), String(row.steps), row.status === 'partial' ? `partial ${row.applied}/${row.steps}` : row.status]);
  const header = ['Plan', 'Age', 'Steps', 'Applied'];
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column].length)));
  const pad = (cell: string[]) => cell.map((text, column) => (column === 2 ? text.padStart(widths[column]) : text.padEnd(widths[column]))).join('  ');
  const room = width === undefined ? Infinity : Math.max(width - widths.reduce((sum, w) => sum + w + 2, 0), 10);
  const task = (row: PlanRow) => (row.revises ? `(revises ${row.revises}) ${row.task}` : row.task).replace(/\s+/g, ' ');
  const lines = [`${pad(header)}  Task`, ...rows.map((row, i) => `${pad(cells[i])}  ${room === Infinity ? task(row) : truncate(task(row), room)}`)];
  return lines.join('\n');
}

function age(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}
