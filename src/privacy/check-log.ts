import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ensureStateDir, stateDir } from '../workspace/state.js';

/** `.tandem/checks/`: the one place a check's output is kept whole and unredacted. */
export function checksDir(root: string): string {
  return join(stateDir(root), 'checks');
}

/**
 * Keeps a check's whole output as it came, secrets included, in `.tandem/checks/<time>-<hex>.log`: readable
 * by the owner only, never committed (`.tandem/` is git-ignored), never printed, stored elsewhere or sent.
 * Every other place shows the trimmed output redacted. Returns the path relative to `root`.
 */
export async function keepCheckOutput(root: string, output: string, now: Date = new Date()): Promise<string> {
  await ensureStateDir(root);
  await mkdir(checksDir(root), { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const path = join(checksDir(root), `${stamp}-${randomBytes(3).toString('hex')}.log`);
  await writeFile(path, output.endsWith('\n') || output === '' ? output : `${output}\n`, { mode: 0o600 });
  // The mode of a new file is filtered by the umask, which can only take bits away; chmod makes it exact.
  await chmod(path, 0o600);
  return relative(root, path);
}
