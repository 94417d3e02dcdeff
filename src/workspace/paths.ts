import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { PathRefusedError } from './errors.js';

// `.git` in any case, and the spellings Windows and macOS file systems fold onto it
// (trailing dots or spaces, the 8.3 short name), as git's own core.protectNTFS does.
const GIT_DIR_NAME = /^(\.git[. ]*|git~\d+)$/i;

/** Returns `path` as a normalized repository-relative POSIX path, or throws PathRefusedError when it could leave the repository or reach `.git`. */
export function confinePath(root: string, path: string): string {
  if (path.includes('\0')) throw new PathRefusedError(path, 'it contains a NUL byte');
  if (path.trim() === '') throw new PathRefusedError(path, 'it is empty');
  // Models write Windows separators now and then; read them as separators so `..\x` cannot slip through.
  const slashed = path.replace(/\\/g, '/');
  if (isAbsolute(path) || slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) {
    throw new PathRefusedError(path, 'it is absolute; use a path relative to the repository root');
  }
  const normalized = posix.normalize(slashed).replace(/\/+$/, '');
  if (normalized === '.' || normalized === '') throw new PathRefusedError(path, 'it names the repository root, not a file');
  if (normalized === '..' || normalized.startsWith('../')) {
    throw new PathRefusedError(path, 'it leads outside the repository');
  }
  if (normalized.split('/').some((part) => GIT_DIR_NAME.test(part))) {
    throw new PathRefusedError(path, 'it is inside .git, which tandem never touches');
  }
  // tandem's own plans and logs are not the model's to edit.
  if (/^\.tandem$/i.test(normalized.split('/')[0])) throw new PathRefusedError(path, "it is inside .tandem, tandem's own state");
  checkRealLocation(root, normalized, path);
  return normalized;
}

/** Follows symlinks from the deepest part of the path that exists and checks where it really lands. */
function checkRealLocation(root: string, normalized: string, original: string): void {
  const realRoot = realpathSync(root);
  const parts = normalized.split('/');
  for (let depth = parts.length; depth > 0; depth--) {
    const candidate = join(realRoot, ...parts.slice(0, depth));
    if (!exists(candidate)) continue;
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      // lstat saw it but it cannot be resolved: a dangling symlink, whose target could be anywhere.
      throw new PathRefusedError(original, 'it goes through a symlink whose target does not exist');
    }
    const inside = relative(realRoot, real);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw new PathRefusedError(original, 'it goes through a symlink that leads outside the repository');
    }
    if (inside.split(sep).some((part) => GIT_DIR_NAME.test(part))) {
      throw new PathRefusedError(original, 'it goes through a symlink into .git');
    }
    return;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
