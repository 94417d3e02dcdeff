import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EditFormatError } from '../editor/errors.js';
import { planPatch, writtenPaths, type PatchPlan } from './plan.js';
import { listFiles, resolveTargets } from './targets.js';
import { writeFileAtomic } from './write-atomic.js';

/**
 * Applies an answer (search/replace blocks, a unified diff or whole files) to the working tree at
 * `root`, no model involved. Each file is written atomically and only when every block for it
 * applied; with `dryRun` nothing is written. An unreadable answer is one failed block with no file.
 */
export async function patchTree(root: string, answer: string, options: { dryRun?: boolean } = {}): Promise<PatchPlan> {
  let plan: PatchPlan;
  try {
    // A bare name (`Makefile`) names a file only when the repository has a file of that name.
    const files = await listFiles(root);
    const names = (name: string) => files.some((f) => f === name || f.endsWith(`/${name}`));
    plan = planPatch(answer, await resolveTargets(root, writtenPaths(answer, names)));
  } catch (error) {
    if (!(error instanceof EditFormatError)) throw error;
    return { blocks: [{ block: 1, file: null, status: 'failed', reason: error.message }], files: [], feedback: [error.modelMessage] };
  }
  if (options.dryRun) return plan;
  for (const file of plan.files.filter((f) => f.write)) {
    try {
      if (file.after === null) await rm(join(root, file.path));
      else await writeFileAtomic(join(root, file.path), file.after);
    } catch (error) {
      file.write = false;
      const reason = `not written: ${(error as Error).message}`;
      for (const b of plan.blocks) if (b.file === file.path && b.status === 'applied') Object.assign(b, { status: 'failed', reason });
    }
  }
  return plan;
}
