import { resolve } from 'node:path';
import { undoLastRun, type UndoResult } from '../pipeline/undo.js';
import { openWorkspace } from '../workspace/git.js';

/** What an undo did, in words: one line per reverted commit, newest first. */
export function describeUndo(result: UndoResult): string {
  const lines = result.reverted.map((commit) => `  ${commit.sha.slice(0, 7)} ${commit.subject}  ->  reverted by ${commit.revertedBy.slice(0, 7)}`);
  const count = `${result.reverted.length} commit${result.reverted.length === 1 ? '' : 's'}`;
  return [`Undid plan ${result.planId} on ${result.branch}: ${count} reverted.`, ...lines].join('\n');
}

/** `tandem undo`: reverts the last run's commits on the current branch (a clean tree is required). */
export async function undoCommand(options: { cwd?: string }): Promise<number> {
  const workspace = await openWorkspace(resolve(options.cwd ?? process.cwd()));
  const result = await undoLastRun(workspace);
  process.stdout.write(`${describeUndo(result)}\n`);
  return 0;
}
