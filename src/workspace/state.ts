import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../errors.js';

const STATE_DIR = '.tandem';
// Plan and run ids come from the command line too (`--plan <id>`): keep them plain file names.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The state folder `.tandem/` at the repository root. */
export function stateDir(root: string): string {
  return join(root, STATE_DIR);
}

/** Creates `.tandem/` (and its `*` .gitignore, so its state is never committed) if missing; returns its path. */
export async function ensureStateDir(root: string): Promise<string> {
  const dir = stateDir(root);
  await mkdir(dir, { recursive: true });
  // 'wx' leaves an existing .gitignore alone: the user may have added to it.
  await writeFile(join(dir, '.gitignore'), '*\n', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return dir;
}

/** `.tandem/plans/`, where saved plans live. */
export function plansDir(root: string): string {
  return join(stateDir(root), 'plans');
}

/** `.tandem/plans/<id>.json`; throws a usage error for an id that is not a plain name. */
export function planFile(root: string, id: string): string {
  return join(plansDir(root), `${checkId(id, 'plan')}.json`);
}

/** `.tandem/runs/`, where run records live. */
export function runsDir(root: string): string {
  return join(stateDir(root), 'runs');
}

/** `.tandem/runs/<id>.json`; throws a usage error for an id that is not a plain name. */
export function runFile(root: string, id: string): string {
  return join(runsDir(root), `${checkId(id, 'run')}.json`);
}

/** `.tandem/tmp/`, scratch files such as patches on their way to `git apply`. */
export function tmpDir(root: string): string {
  return join(stateDir(root), 'tmp');
}

function checkId(id: string, kind: string): string {
  if (!SAFE_ID.test(id) || id.includes('..')) {
    throw usageError(`invalid ${kind} id: ${JSON.stringify(id)}`, 'ids are letters, digits, ".", "_" and "-"');
  }
  return id;
}
