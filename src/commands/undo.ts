import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { findUndoTarget, undoTarget, type UndoTarget } from '../pipeline/undo-target.js';
import { nothingToUndo, type UndoResult } from '../pipeline/undo.js';
import { openWorkspace, type Workspace } from '../workspace/git.js';
import { confirm, type Asker } from './confirm.js';

/** Options of `tandem undo`. */
export interface UndoOptions {
  cwd?: string;
  yes?: boolean;
  dryRun?: boolean;
}
import { acquireRepoLock } from '../workspace/lock.js';

/** What an undo did, in words: one line per reverted commit, newest first. */
export function describeUndo(result: UndoResult): string {
  const lines = result.reverted.map((commit) => `  ${commit.sha.slice(0, 7)} ${commit.subject}  ->  reverted by ${commit.revertedBy.slice(0, 7)}`);
  const count = `${result.reverted.length} commit${result.reverted.length === 1 ? '' : 's'}`;
  return [`Undid plan ${result.planId} on ${result.branch}: ${count} reverted.`, ...lines].join('\n');
}

/** What undo is about to do, in words: the plan, the branch, and each commit it would revert. */
export function describeTarget(target: UndoTarget, here: string): string {
  const count = `${target.commits.length} commit${target.commits.length === 1 ? '' : 's'}`;
  const where = target.current ? `on ${target.branch}` : `on ${target.branch} (the last run's branch; you are on ${here} and stay there)`;
  return [`Undo plan ${target.planId} ${where}: revert ${count}, newest first:`, ...target.commits.map((c) => `  ${c.sha.slice(0, 7)} ${c.subject}`)].join('\n');
}

/**
 * `tandem undo`: shows the last run's commits and reverts them, each with its own revert commit, after a
 * yes at the terminal (or --yes; without a terminal it never waits: --yes is needed). --dry-run only shows.
 * Back on main after a run, it finds the run's tandem/<id> branch and reverts there.
 */
export async function undoCommand(options: UndoOptions, io: Asker & { interactive: boolean } = { input: process.stdin, output: process.stderr, interactive: Boolean(process.stdin.isTTY) }): Promise<number> {
  const workspace = await openWorkspace(resolve(options.cwd ?? process.cwd()));
  // One run per repository: an undo while a run commits would revert half of it.
  const lock = await acquireRepoLock(workspace.root, 'undo');
  try {
    return await undoLocked(workspace, options, io);
  } finally {
    await lock.release();
  }
}

async function undoLocked(workspace: Workspace, options: UndoOptions, io: Asker & { interactive: boolean }): Promise<number> {
  const here = await workspace.currentBranch();
  const target = await findUndoTarget(workspace);
  if (!target) throw nothingToUndo(here);
  process.stdout.write(`${describeTarget(target, here)}\n`);
  if (options.dryRun) {
    process.stdout.write('Dry run: nothing was reverted.\n');
    return 0;
  }
  if (!options.yes) {
    if (!io.interactive) throw usageError('tandem undo asks before reverting, and there is no terminal to ask in', 'pass --yes to revert without asking, or --dry-run to only look');
    if (!(await confirm('Revert these commits?', false, io))) {
      process.stdout.write('Nothing was reverted.\n');
      return 0;
    }
  }
  const result = await undoTarget(workspace, target);
  process.stdout.write(`${describeUndo(result)}\n`);
  if (target.current && here.startsWith('tandem/')) process.stdout.write(`You are on ${here}; go back to the branch you came from with: git switch -\n`);
  return 0;
}
