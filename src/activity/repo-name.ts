import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { safeUrl } from '../privacy/url.js';

/**
 * The repository a record belongs to, for `stats --by repo` over logs gathered from many repositories:
 * the `origin` remote's URL without credentials, else the folder's name. Read from git's config file
 * directly (worktrees included) so it costs no git process.
 */
export async function repoName(root: string): Promise<string> {
  const url = await originUrl(root).catch(() => undefined);
  return url ? safeUrl(url) : basename(root);
}

async function originUrl(root: string): Promise<string | undefined> {
  const gitDir = await resolveGitDir(root);
  const common = await readFile(join(gitDir, 'commondir'), 'utf8')
    .then((text) => resolvePath(gitDir, text.trim()))
    .catch(() => gitDir);
  return remoteUrl(await readFile(join(common, 'config'), 'utf8'), 'origin');
}

async function resolveGitDir(root: string): Promise<string> {
  const dotGit = join(root, '.git');
  const text = await readFile(dotGit, 'utf8').catch(() => undefined);
  // A worktree or submodule has a `.git` file naming its real git directory; a plain checkout has a folder.
  const pointer = text?.match(/^gitdir:\s*(.+)$/m)?.[1];
  return pointer ? resolvePath(dirname(dotGit), pointer.trim()) : dotGit;
}

function resolvePath(base: string, path: string): string {
  return isAbsolute(path) ? path : join(base, path);
}

/** The `url` of `[remote "<name>"]` in a git config file's text. */
export function remoteUrl(config: string, name: string): string | undefined {
  let inRemote = false;
  for (const line of config.split('\n')) {
    const section = line.match(/^\s*\[(.+)\]\s*$/);
    if (section) {
      inRemote = section[1].replace(/\s+/g, ' ').trim() === `remote "${name}"`;
      continue;
    }
    const url = inRemote ? line.match(/^\s*url\s*=\s*(.+?)\s*$/) : null;
    if (url) return url[1].replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}
