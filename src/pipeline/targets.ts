import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanStep } from '../architect/types.js';
import { PathRefusedError } from '../workspace/errors.js';
import { confinePath } from '../workspace/paths.js';
import { judgeTarget, refusalText, type TargetKind, type TargetPermissions } from '../workspace/target-policy.js';

/**
 * Plan validation before anything is created: every step whose target may not be written (outside the
 * repository, a directory, inside a submodule or nested repository, a protected file) with the reason it is
 * refused. Those steps fail without a model call; the others run.
 */
export function refusedTargets(root: string, steps: PlanStep[], permissions: TargetPermissions): Map<number, string> {
  const refused = new Map<number, string>();
  for (const [index, step] of steps.entries()) {
    let path: string;
    try {
      path = confinePath(root, step.file);
    } catch (error) {
      if (error instanceof PathRefusedError) refused.set(index, `refused: ${error.message}`);
      else throw error;
      continue;
    }
    const verdict = judgeTarget(path, targetKind(root, path), permissions);
    if (!verdict.allowed) refused.set(index, refusalText(verdict));
  }
  return refused;
}

/** What `path` is: a directory, a file in (or the root of) a submodule or nested repository, a file, or nothing yet. */
export function targetKind(root: string, path: string): TargetKind {
  const parts = path.split('/');
  // A `.git` in any directory between the root and the file marks another repository (a submodule's is a file).
  for (let depth = 1; depth <= parts.length; depth++) {
    if (existsSync(join(root, ...parts.slice(0, depth), '.git'))) return 'submodule';
  }
  try {
    return lstatSync(join(root, path)).isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
}
