import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { gitList, runGit } from '../workspace/run-git.js';
import { isSecretPath } from './secret-files.js';
import { TandemError } from '../errors.js';

/** The file of extra rules, in .gitignore syntax, for what tandem must never send. */
export const TANDEMIGNORE = '.tandemignore';

/** Why a file is never sent to a model. */
export const WITHHELD_REASONS = {
  secretFile: 'withheld: a secret file (keys, credentials, .env)',
  gitignore: 'withheld: matched by .gitignore',
  tandemignore: 'withheld: matched by .tandemignore',
} as const;

/**
 * The paths among `paths` that must never be sent to any model, each with its reason: the built-in
 * list of secret files, then git's own ignore rules (.gitignore, .git/info/exclude, the user's global
 * excludes; tracked files included), then `.tandemignore`. Git does the matching, so the syntax and
 * its corner cases (negation, `**`, folders) are exactly git's.
 */
export async function withheldPaths(root: string, paths: readonly string[]): Promise<Map<string, string>> {
  const withheld = new Map<string, string>();
  const rest: string[] = [];
  for (const path of paths) {
    if (isSecretPath(path)) withheld.set(path, WITHHELD_REASONS.secretFile);
    else rest.push(path);
  }
  for (const path of await checkIgnore(root, rest, [])) withheld.set(path, WITHHELD_REASONS.gitignore);
  const tandemignore = join(root, TANDEMIGNORE);
  if (await exists(tandemignore)) {
    const left = rest.filter((path) => !withheld.has(path));
    // core.excludesFile is matched from the repository root, like .tandemignore itself.
    for (const path of await checkIgnore(root, left, ['-c', `core.excludesFile=${tandemignore}`])) withheld.set(path, WITHHELD_REASONS.tandemignore);
  }
  return withheld;
}

/**
 * A check of tracked files against the same rules as withheldPaths, with git asked once for the whole
 * index (`git ls-files -ci`), much faster on a large repository than checking every path.
 * The check answers a path's reason, or undefined when it may be sent.
 */
export async function withheldTracked(root: string): Promise<(path: string) => string | undefined> {
  const tandemignore = join(root, TANDEMIGNORE);
  const [ignored, tandemIgnored] = await Promise.all([
    listIgnored(root, ['--exclude-standard']),
    exists(tandemignore).then((found) => (found ? listIgnored(root, [`--exclude-from=${tandemignore}`]) : [])),
  ]);
  const gitignored = new Set(ignored);
  const tandemignored = new Set(tandemIgnored);
  return (path) => {
    if (isSecretPath(path)) return WITHHELD_REASONS.secretFile;
    if (gitignored.has(path)) return WITHHELD_REASONS.gitignore;
    return tandemignored.has(path) ? WITHHELD_REASONS.tandemignore : undefined;
  };
}

async function checkIgnore(root: string, paths: readonly string[], config: string[]): Promise<string[]> {
  if (paths.length === 0) return [];
  const result = await runGit(root, [...config, 'check-ignore', '--no-index', '-z', '--stdin'], `${paths.join('\0')}\0`);
  // 0: some paths are ignored, 1: none are; anything else means git could not tell, and then nothing is sent.
  if (result.exitCode !== 0 && result.exitCode !== 1) {
    throw new TandemError(`could not check ignore rules with git: ${result.stderr.trim()}`, { exitCode: 1 });
  }
  return result.stdout.split('\0').filter(Boolean);
}

function listIgnored(root: string, excludes: string[]): Promise<string[]> {
  return gitList(root, ['ls-files', '--cached', '--ignored', ...excludes, '-z']);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
