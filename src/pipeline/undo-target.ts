import { runGit } from '../workspace/run-git.js';
import { TandemError } from '../errors.js';
import type { LogEntry } from '../workspace/git-output.js';
import type { Workspace } from '../workspace/git.js';
import { findLastRun, undoLastRun, type UndoResult } from './undo.js';

/** The run `tandem undo` would revert: its plan, its commits (newest first) and the branch they are on. */
export interface UndoTarget {
  planId: string;
  commits: LogEntry[];
  branch: string;
  /** False when the run is on another branch (you went back to main after the run). */
  current: boolean;
}

/**
 * What undo would revert: the last run on the checked-out branch, else the newest `tandem/*` branch
 * whose run is not part of the checked-out branch (you ran, then went back with `git switch -`).
 * Null when there is nothing to undo anywhere.
 */
export async function findUndoTarget(workspace: Workspace): Promise<UndoTarget | null> {
  const branch = await workspace.currentBranch();
  const here = await findLastRun(workspace);
  if (here) return { ...here, branch, current: true };
  for (const other of await tandemBranches(workspace.root)) {
    if (other === branch) continue;
    const run = await findLastRun(workspace, `refs/heads/${other}`);
    if (run && !(await isAncestor(workspace.root, run.commits[0].sha, 'HEAD'))) return { ...run, branch: other, current: false };
  }
  return null;
}

/**
 * Reverts the target's commits: on the checked-out branch, or on the run's own branch, switching there
 * and back so you stay where you are. The tree must be clean either way.
 */
export async function undoTarget(workspace: Workspace, target: UndoTarget): Promise<UndoResult> {
  if (target.current) return undoLastRun(workspace);
  const dirty = await workspace.dirtyFiles();
  if (dirty.length > 0) return undoLastRun(workspace); // refuses with the list of uncommitted files
  const branch = await workspace.currentBranch();
  const back = branch === 'HEAD' ? ['--detach', (await workspace.head()) as string] : [branch];
  await git(workspace.root, ['switch', '-q', target.branch], `could not switch to ${target.branch}`);
  try {
    return await undoLastRun(workspace);
  } finally {
    await git(workspace.root, ['switch', '-q', ...back], `could not switch back to ${back.join(' ')}`);
  }
}

/** Local `tandem/*` branches, the most recently committed first. */
async function tandemBranches(root: string): Promise<string[]> {
  const listed = await runGit(root, ['for-each-ref', '--sort=-committerdate', '--format=%(refname:short)', 'refs/heads/tandem/']);
  return listed.stdout.split('\n').filter(Boolean);
}

async function isAncestor(root: string, sha: string, of: string): Promise<boolean> {
  return (await runGit(root, ['merge-base', '--is-ancestor', sha, of])).exitCode === 0;
}

async function git(root: string, args: string[], what: string): Promise<void> {
  const result = await runGit(root, args);
  if (result.exitCode !== 0) throw new TandemError(`${what}: ${result.stderr.trim()}`);
}
