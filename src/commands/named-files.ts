import { stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { gitList } from '../workspace/run-git.js';
import { usageError } from '../errors.js';
import { withheldReason } from '../disclosure/policy.js';
import { PathRefusedError } from '../workspace/errors.js';
import { confinePath } from '../workspace/paths.js';

/** The `--file` paths a command may send, and what it should warn about. */
export interface NamedFiles {
  /** Repository-relative paths, each at most once, in the order given. */
  files: string[];
  /** One line per withheld file left out under --allow-withheld-skip. */
  warnings: string[];
}

const MAX_SUGGESTIONS = 3;

/**
 * Checks the files named with `--file` before any model call: each must exist as a file in the
 * repository (else exit 2 with the nearest tracked paths) and be one the privacy rules let go out
 * (else exit 2 naming the rule, or, with `allowWithheldSkip`, a warning and the file left out).
 * A path is read from the repository root, or from `cwd` when only that exists (what a shell completes).
 */
export async function checkNamedFiles(root: string, cwd: string, paths: readonly string[], options: { allowWithheldSkip?: boolean } = {}): Promise<NamedFiles> {
  const files: string[] = [];
  const warnings: string[] = [];
  for (const given of paths) {
    const path = await locate(root, cwd, given);
    if (files.includes(path)) continue;
    const reason = await withheldReason(root, path);
    if (reason) {
      if (!options.allowWithheldSkip) {
        throw usageError(`--file ${given} is ${reason}; tandem never sends it to a model`, 'leave it out, or pass --allow-withheld-skip to go on without it');
      }
      warnings.push(`warning: --file ${given} is ${reason}; going on without it`);
      continue;
    }
    files.push(path);
  }
  return { files, warnings };
}

/** The repository-relative path of an existing file, or a usage error saying what is wrong with it. */
async function locate(root: string, cwd: string, given: string): Promise<string> {
  const candidates = [isAbsolute(given) ? relative(root, given) : given];
  const fromCwd = relative(root, resolve(cwd, given));
  if (!candidates.includes(fromCwd)) candidates.push(fromCwd);
  let refused: PathRefusedError | undefined;
  for (const candidate of candidates) {
    let path: string;
    try {
      path = confinePath(root, candidate);
    } catch (error) {
      if (error instanceof PathRefusedError) {
        refused ??= error;
        continue;
      }
      throw error;
    }
    const info = await stat(resolve(root, path)).catch(() => null);
    if (info?.isFile()) return path;
    if (info?.isDirectory()) throw usageError(`--file ${given} is a folder, not a file`, 'name each file with its own --file');
  }
  if (refused && candidates.length === 1) throw usageError(`--file ${given}: ${refused.reason}`);
  const near = nearestPaths(given, await gitList(root, ['ls-files', '-z']));
  throw usageError(`--file ${given}: no such file in the repository`, near.length > 0 ? `did you mean ${near.join(', ')}?` : 'paths are relative to the repository root');
}

/** The tracked paths closest to `given`: the same file name first, then by edit distance, close ones only. */
export function nearestPaths(given: string, tracked: readonly string[]): string[] {
  const wanted = given.replace(/\\/g, '/').replace(/^\.\//, '');
  const name = basename(wanted);
  const scored = tracked.map((path) => {
    const sameName = basename(path) === name;
    const distance = Math.min(editDistance(wanted, path), editDistance(name, basename(path)) + (sameName ? 0 : 1));
    return { path, score: sameName ? -1 : distance };
  });
  const limit = Math.max(2, Math.floor(name.length / 3));
  return scored
    .filter((entry) => entry.score <= limit)
    .sort((a, b) => a.score - b.score || a.path.localeCompare(b.path))
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.path);
}

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
