import { ExitCode, TandemError, usageError } from '../errors.js';
import type { LogEntry } from '../workspace/git-output.js';
import type { Workspace } from '../workspace/git.js';

/** How far back `findLastRun` looks on the current branch. */
const HISTORY_LIMIT = 500;

/** One commit of a run and the commit that reverted it. */
export interface RevertedCommit {
  sha: string;
  subject: string;
  revertedBy: string;
}

/** What an undo did: the run (plan id) whose commits were reverted, newest first, on which branch. */
export interface UndoResult {
  planId: string;
  branch: string;
  reverted: RevertedCommit[];
}

/**
 * The newest run on the current branch that still has commits in place: the plan id of the newest commit
 * with a `Tandem-Plan` trailer that has not been reverted, and all of that plan's unreverted commits,
 * newest first (on `ref`, HEAD by default). `git revert` names what it reverted only in its subject (`Revert "<subject>"`), so a revert
 * newer than a commit with that exact subject counts as its undo. Null when there is nothing to undo.
 */
export async function findLastRun(workspace: Workspace, ref = 'HEAD'): Promise<{ planId: string; commits: LogEntry[] } | null> {
  const history = await workspace.log(ref, HISTORY_LIMIT);
  const pendingReverts = new Map<string, number>();
  const live: LogEntry[] = [];
  for (const entry of history) {
    const reverted = /^Revert "(.*)"$/.exec(entry.subject);
    if (reverted) pendingReverts.set(reverted[1], (pendingReverts.get(reverted[1]) ?? 0) + 1);
    if (!entry.trailers['Tandem-Plan']) continue;
    const waiting = pendingReverts.get(entry.subject) ?? 0;
    if (waiting > 0) pendingReverts.set(entry.subject, waiting - 1);
    else live.push(entry);
  }
  if (live.length === 0) return null;
  const planId = live[0].trailers['Tandem-Plan'];
  return { planId, commits: live.filter((entry) => entry.trailers['Tandem-Plan'] === planId) };
}

/** The error of an undo that finds no tandem commit to revert (exit 1). */
export function nothingToUndo(branch: string): TandemError {
  return new TandemError(`nothing to undo: no tandem commits on ${branch === 'HEAD' ? 'this detached HEAD' : `branch ${branch}`}`, {
    exitCode: ExitCode.failed,
    hint: 'tandem commits carry a Tandem-Plan trailer; undo looks for them on the checked-out branch and on tandem/* branches',
  });
}

/** Refuses to revert on a tree with uncommitted changes: a revert would mix with them or stop half-way. */
async function requireCleanTree(workspace: Workspace): Promise<void> {
  const dirty = await workspace.dirtyFiles();
  if (dirty.length === 0) return;
  const list = dirty.slice(0, 10).join(', ') + (dirty.length > 10 ? `, and ${dirty.length - 10} more` : '');
  throw usageError(`the working tree has uncommitted changes: ${list}`, 'commit or stash them first, then undo');
}

/** Reverts one commit (a step the user chose to throw away) on a clean tree; returns the revert's sha. */
export async function revertCommit(workspace: Workspace, sha: string): Promise<string> {
  await requireCleanTree(workspace);
  return workspace.revert(sha);
}

/**
 * Reverts the last run's commits on the current branch, newest first, each as its own revert commit. If
 * one cannot be reverted (a later change of the user's conflicts), the reverts made so far stay and the
 * error says which were done; git's half-done revert has been aborted by the workspace.
 */
export async function undoLastRun(workspace: Workspace): Promise<UndoResult> {
  await requireCleanTree(workspace);
  const branch = await workspace.currentBranch();
  const run = await findLastRun(workspace);
  if (!run) throw nothingToUndo(branch);
  const reverted: RevertedCommit[] = [];
  for (const commit of run.commits) {
    try {
      reverted.push({ sha: commit.sha, subject: commit.subject, revertedBy: await workspace.revert(commit.sha) });
    } catch (error) {
      const done = reverted.length > 0 ? ` (${reverted.length} reverted before it: ${reverted.map((r) => r.sha.slice(0, 7)).join(', ')})` : '';
      throw new TandemError(`could not undo ${commit.sha.slice(0, 7)} "${commit.subject}" of plan ${run.planId}${done}: ${(error as Error).message}`, {
        exitCode: ExitCode.failed,
        cause: error,
        hint: 'resolve it by hand (git revert), then run undo again for the rest',
      });
    }
  }
  return { planId: run.planId, branch, reverted };
}
