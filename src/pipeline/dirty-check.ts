import { usageError } from '../errors.js';
import type { Workspace } from '../workspace/git.js';
import { confinePath } from '../workspace/paths.js';

/**
 * Only changes that matter block a run: a tracked file with uncommitted changes that the plan touches is
 * refused (exit 2) unless `allowDirty`; untracked files and changes to other files never block and are never
 * staged or committed. Returns every file that holds the user's work (changed or untracked): a step on one
 * of them, fix-up steps included, fails rather than mix that work into a commit.
 */
export async function checkTouchedFiles(workspace: Workspace, files: string[], allowDirty: boolean): Promise<Set<string>> {
  const touched = new Set(files.flatMap((file) => confined(workspace.root, file)));
  const { tracked, untracked } = await workspace.changes();
  const blocking = tracked.filter((path) => touched.has(path));
  if (blocking.length > 0 && !allowDirty) {
    const list = blocking.slice(0, 10).join(', ') + (blocking.length > 10 ? `, and ${blocking.length - 10} more` : '');
    throw usageError(
      `uncommitted changes in files the plan edits: ${list}`,
      'commit or stash them, or pass --allow-dirty (the steps on those files then fail and your changes stay as they are)',
    );
  }
  return new Set([...tracked, ...untracked]);
}

function confined(root: string, file: string): string[] {
  try {
    return [confinePath(root, file)];
  } catch {
    // Refused at plan validation with its own reason.
    return [];
  }
}
