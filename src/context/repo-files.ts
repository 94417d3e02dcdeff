import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { confinePath } from '../workspace/paths.js';
import { isSecretPath } from './secrets.js';

/** The repository's tracked files, repo-relative POSIX paths, tandem's own state left out. */
export async function listRepoFiles(root: string): Promise<string[]> {
  const { stdout } = await execa('git', ['ls-files', '-z'], { cwd: root });
  return stdout.split('\0').filter((path) => path && !path.startsWith('.tandem/'));
}

/** A file's text as a model may see it. */
export interface ContextFile {
  path: string;
  content: string;
}

/** Files that were asked for but not sent, and why. */
export interface Withheld {
  path: string;
  reason: string;
}

/** Rough token estimate (about four characters a token) used to keep context within budget. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Reads files for a model: confined to the repository, secrets withheld, binary and missing files
 * skipped, and the total kept within a token budget.
 */
export async function readContextFiles(root: string, paths: string[], budgetTokens: number): Promise<{ files: ContextFile[]; withheld: Withheld[] }> {
  const files: ContextFile[] = [];
  const withheld: Withheld[] = [];
  let used = 0;
  for (const requested of [...new Set(paths)]) {
    let path: string;
    try {
      path = confinePath(root, requested);
    } catch (error) {
      withheld.push({ path: requested, reason: (error as Error).message });
      continue;
    }
    if (isSecretPath(path)) {
      withheld.push({ path, reason: 'withheld: it may hold secrets' });
      continue;
    }
    let content: string;
    try {
      content = await readFile(join(root, path), 'utf8');
    } catch {
      withheld.push({ path, reason: 'no such file' });
      continue;
    }
    if (content.includes('\0')) {
      withheld.push({ path, reason: 'binary file' });
      continue;
    }
    const tokens = estimateTokens(content);
    if (used + tokens > budgetTokens) {
      withheld.push({ path, reason: `over the context budget (${budgetTokens} tokens)` });
      continue;
    }
    used += tokens;
    files.push({ path, content });
  }
  return { files, withheld };
}
