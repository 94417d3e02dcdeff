import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { execa } from 'execa';
import { pathMatches } from '../editor/paths.js';
import { PathRefusedError } from '../workspace/errors.js';
import { confinePath } from '../workspace/paths.js';

/** Where the blocks written for one path go: a repository file (content null: it does not exist yet), or nowhere and why. */
export type Target = { kind: 'file'; path: string; content: string | null } | { kind: 'refused'; reason: string };

/** How a written path is used: `wholeOnly` when every block for it is a complete file (a loose guess could overwrite the wrong one). */
export interface WrittenPath {
  path: string;
  wholeOnly: boolean;
}

/**
 * Maps each path as the answer wrote it to a file of the repository at `root`: as written when it
 * exists, else without git's a/ or b/ prefix, else the one file it names by basename or by a
 * shorter or longer form. Every path goes through confinePath; anything it refuses is never read.
 */
export async function resolveTargets(root: string, written: WrittenPath[]): Promise<Map<string, Target>> {
  let files: Promise<string[]> | undefined;
  const listed = () => (files ??= listFiles(root));
  const out = new Map<string, Target>();
  for (const w of written) out.set(w.path, await resolveOne(root, w, listed));
  return out;
}

async function resolveOne(root: string, w: WrittenPath, listed: () => Promise<string[]>): Promise<Target> {
  let path: string;
  try {
    path = confinePath(root, w.path);
    const found = (await existing(root, path)) ?? (/^[ab]\//.test(path) ? await existing(root, confinePath(root, path.slice(2))) : undefined);
    if (found) return await readTarget(root, found);
    const candidates = (await listed()).filter((f) => f !== path && pathMatches(path, f));
    if (candidates.length === 0) return { kind: 'file', path, content: null };
    const names = candidates.slice(0, 5).join(', ') + (candidates.length > 5 ? ', ...' : '');
    if (candidates.length > 1) return refused(`${w.path} could be any of ${candidates.length} files (${names}); write the path from the repository root`);
    // A complete file under a guessed name would replace that file wholesale: ask instead of guessing.
    if (w.wholeOnly) return refused(`${w.path} does not exist; write the full path if the complete file is meant for ${names}`);
    const guessed = await existing(root, confinePath(root, candidates[0]));
    return guessed ? await readTarget(root, guessed) : { kind: 'file', path, content: null };
  } catch (error) {
    if (error instanceof PathRefusedError) return refused(error.reason);
    throw error;
  }
}

function refused(reason: string): Target {
  return { kind: 'refused', reason };
}

/** The repository path of `path` if something is there, symlinks (already confined inside) followed to the real file. */
async function existing(root: string, path: string): Promise<string | undefined> {
  const full = join(root, path);
  const stats = await lstat(full).catch(() => undefined);
  if (!stats) return undefined;
  if (!stats.isSymbolicLink()) return path;
  return relative(await realpath(root), await realpath(full)).split(sep).join('/');
}

async function readTarget(root: string, path: string): Promise<Target> {
  const full = join(root, path);
  const stats = await lstat(full);
  if (stats.isDirectory()) return refused(`${path} is a directory`);
  if (!stats.isFile()) return refused(`${path} is not a regular file`);
  const bytes = await readFile(full);
  const content = bytes.toString('utf8');
  // Editing text decoded from other bytes would rewrite every byte that did not survive decoding.
  if (bytes.includes(0) || !Buffer.from(content, 'utf8').equals(bytes)) return refused(`${path} is not a UTF-8 text file`);
  return { kind: 'file', path, content };
}

/** Tracked and untracked (not ignored) files, for paths written only by basename or a partial form. */
export async function listFiles(root: string): Promise<string[]> {
  const { stdout } = await execa('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root });
  return [...new Set(stdout.split('\0'))].filter((path) => path && !/^\.tandem\//i.test(path));
}
