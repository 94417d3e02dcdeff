import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readContextFiles, type Withheld } from '../disclosure/read-files.js';
import { usageError } from '../errors.js';

/** One project rules file as read from the repository. */
export interface RulesFile {
  /** Repository-relative path. */
  path: string;
  text: string;
}

/** The rules files tandem looks for at the repository root, highest precedence first. */
export const RULES_NAMES = ['AGENTS.md', 'CLAUDE.md', 'GEMINI.md', 'CONVENTIONS.md', '.cursorrules'] as const;

/** The rules that were read, and those found but never sent (privacy rules, binary). */
export interface LoadedRules {
  files: RulesFile[];
  withheld: Withheld[];
}

/**
 * Reads the project's rules files in order of precedence: the root's AGENTS.md, CLAUDE.md, GEMINI.md,
 * CONVENTIONS.md and .cursorrules, then the files named by config `rules`. The privacy rules apply as to
 * any file (a withheld one is never read). A file named in config that does not exist is a usage error.
 */
export async function loadProjectRules(root: string, configured: readonly string[]): Promise<LoadedRules> {
  const paths = [...new Set([...RULES_NAMES, ...configured])];
  const read = await readContextFiles(root, paths);
  const missing = read.withheld.filter((w) => w.reason === 'no such file');
  const absentConfigured = missing.find((w) => configured.includes(w.path) && !(RULES_NAMES as readonly string[]).includes(w.path));
  if (absentConfigured) throw usageError(`the rules file ${absentConfigured.path} named in config "rules" does not exist`, 'fix the path in "rules" (relative to the repository root) or remove it');
  return { files: read.files.filter((f) => f.content.trim() !== '').map((f) => ({ path: f.path, text: f.content })), withheld: read.withheld.filter((w) => w.reason !== 'no such file') };
}

/** The AGENTS.md nearest above `file` below the root (the root's own is loaded by loadProjectRules), if any. */
export async function nearestAgentsFile(root: string, file: string): Promise<string | undefined> {
  for (let dir = dirname(file); dir !== '.' && dir !== '/' && dir !== ''; dir = dirname(dir)) {
    const candidate = `${dir}/AGENTS.md`;
    if (await access(join(root, candidate)).then(() => true, () => false)) return candidate;
  }
  return undefined;
}
