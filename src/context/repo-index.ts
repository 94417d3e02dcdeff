import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gitList } from '../workspace/run-git.js';

/** A file of the working tree and the git blob hash of its current content. */
export interface IndexedFile {
  path: string;
  hash: string;
}


/** The git blob hash of some content, as `git hash-object` computes it. */
export function blobHash(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/**
 * The repository's tracked files with the blob hashes of their working-tree content: hashes come from
 * the index (`git ls-files -s`, no file read) except for files changed since (`git diff-files`), which
 * are hashed from disk; deleted files are left out, and so are tandem's own `.tandem/` and submodules.
 * Untracked files are not listed: finding them walks the whole tree, too slow for large repositories.
 */
export async function indexRepoFiles(root: string): Promise<IndexedFile[]> {
  const [staged, changed] = await Promise.all([gitList(root, ['ls-files', '-s', '-z']), gitList(root, ['diff-files', '--name-only', '-z'])]);
  const files = new Map<string, string>();
  for (const entry of staged) {
    const tab = entry.indexOf('\t');
    const [mode, hash] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (mode !== '160000' && !files.has(path)) files.set(path, hash);
  }
  for (const path of changed) {
    const content = await readFile(join(root, path)).catch(() => null);
    if (content === null) files.delete(path);
    else files.set(path, blobHash(content));
  }
  return [...files]
    .filter(([path]) => !path.startsWith('.tandem/'))
    .map(([path, hash]) => ({ path, hash }));
}
