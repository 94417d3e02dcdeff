/** How many paths a note names before it says "and N more". */
const SHOWN = 5;

function list(paths: readonly string[]): string {
  return paths.slice(0, SHOWN).join(', ') + (paths.length > SHOWN ? `, and ${paths.length - SHOWN} more` : '');
}

/**
 * What the session says about the working tree when it opens, before a task is typed: tracked changes
 * stop a plan that edits those files (unless --allow-dirty); untracked files never block and are never
 * committed; a clean tree is said to be clean.
 */
export function treeNote(changes: { tracked: string[]; untracked: string[] }, allowDirty: boolean): string {
  const lines: string[] = [];
  if (changes.tracked.length > 0) {
    lines.push(
      allowDirty
        ? `Uncommitted changes in ${list(changes.tracked)}: --allow-dirty is on, so a step on one of them fails and your changes stay as they are.`
        : `Uncommitted changes in ${list(changes.tracked)}: a plan that edits one of them stops before any step; commit or stash them first (or restart with --allow-dirty).`,
    );
  }
  if (changes.untracked.length > 0) {
    const count = changes.untracked.length === 1 ? '1 untracked file' : `${changes.untracked.length} untracked files`;
    lines.push(`${count} (${list(changes.untracked)}): never blocking, never committed.`);
  }
  return lines.length > 0 ? lines.join('\n') : 'Working tree clean.';
}
