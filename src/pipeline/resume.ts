import type { Workspace } from '../workspace/git.js';

/** How far back resume looks for a plan's commits. */
const HISTORY_LIMIT = 1000;

/**
 * The steps of plan `planId` already committed on `rev` (by their `Tandem-Plan` / `Tandem-Step` trailers),
 * as step index -> commit. A step whose commit was reverted since (`tandem undo`) does not count as done.
 */
export async function committedSteps(workspace: Workspace, rev: string, planId: string): Promise<Map<number, string>> {
  const history = await workspace.log(rev, HISTORY_LIMIT);
  const reverts = new Map<string, number>();
  const done = new Map<number, string>();
  for (const entry of history) {
    const reverted = /^Revert "(.*)"$/.exec(entry.subject);
    if (reverted) reverts.set(reverted[1], (reverts.get(reverted[1]) ?? 0) + 1);
    if (entry.trailers['Tandem-Plan'] !== planId) continue;
    const pending = reverts.get(entry.subject) ?? 0;
    if (pending > 0) {
      reverts.set(entry.subject, pending - 1);
      continue;
    }
    const step = Number(entry.trailers['Tandem-Step']);
    // Newest first: a step committed twice keeps its newest commit.
    if (Number.isInteger(step) && step >= 1 && !done.has(step - 1)) done.set(step - 1, entry.sha);
  }
  return done;
}
