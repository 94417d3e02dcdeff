import { readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { withheldPaths } from './ignore-rules.js';
import { confinePath } from '../workspace/paths.js';

/** A file's text as read from the working tree. */
export interface ContextFile {
  path: string;
  content: string;
}

/** Files that were asked for but not sent, and why. */
export interface Withheld {
  path: string;
  reason: string;
}

/**
 * Reads files a model asked for or the user named: confined to the repository, withheld when the
 * privacy rules say so (secret files, .gitignore, .tandemignore; for a symlink, its target too),
 * binary and missing files skipped. Each path at most once, in the order given.
 */
export async function readContextFiles(root: string, paths: readonly string[]): Promise<{ files: ContextFile[]; withheld: Withheld[] }> {
  const files: ContextFile[] = [];
  const withheld: Withheld[] = [];
  const confined: string[] = [];
  for (const requested of new Set(paths)) {
    try {
      confined.push(confinePath(root, requested));
    } catch (error) {
      withheld.push({ path: requested, reason: (error as Error).message });
    }
  }
  const targets = new Map(await Promise.all(confined.map(async (path) => [path, await realTarget(root, path)] as const)));
  const rules = await withheldPaths(root, [...new Set([...confined, ...targets.values()])]);
  for (const path of new Set(confined)) {
    const reason = rules.get(path) ?? rules.get(targets.get(path) ?? path);
    if (reason) {
      withheld.push({ path, reason });
      continue;
    }
    const content = await readFile(join(root, path), 'utf8').catch(() => null);
    if (content === null) withheld.push({ path, reason: 'no such file' });
    else if (content.includes('\0')) withheld.push({ path, reason: 'binary file' });
    else files.push({ path, content });
  }
  return { files, withheld };
}

/** The repository-relative path a file really is once symlinks (of it or its folders) are followed; the path itself when missing. */
async function realTarget(root: string, path: string): Promise<string> {
  const real = await realpath(join(root, path)).catch(() => null);
  return real ? relative(await realpath(root), real).split(sep).join('/') : path;
}
