import { spawn } from 'node:child_process';
import { usageError } from '../errors.js';

/** A git author or committer. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** Who commits when nobody is configured (a fresh CI runner): only then. */
export const FALLBACK_IDENTITY: GitIdentity = { name: 'tandem', email: 'tandem@localhost' };

/** Parses `--author "Name <email>"`. */
export function parseAuthor(text: string): GitIdentity {
  const match = /^\s*([^<>]*?)\s*<([^<>\s]+)>\s*$/.exec(text);
  if (!match || match[1] === '') throw usageError(`invalid --author "${text}"`, 'write it as "Name <email>", e.g. --author "Refactor Bot <bot@example.com>"');
  return { name: match[1], email: match[2] };
}

/**
 * The GIT_AUTHOR_* / GIT_COMMITTER_* variables tandem's commits need. `--author` sets the author (and the
 * committer when none is configured). Otherwise git's own resolution (GIT_AUTHOR_NAME/EMAIL, then
 * user.name/email) is left alone, and only where it finds nothing, and `fallback` allows it, the missing
 * name or email becomes `tandem <tandem@localhost>`, so commits succeed on a runner with no identity.
 */
export async function identityEnv(root: string, options: { author?: string; fallback: boolean }, env: NodeJS.ProcessEnv): Promise<Record<string, string>> {
  return (await commitIdentity(root, options, env)).vars;
}

/**
 * identityEnv's variables, and whether git was already seen to accept them: true when both the author
 * and the committer were known with them, so a caller need not ask git again (preflight saves two processes).
 */
export async function commitIdentity(root: string, options: { author?: string; fallback: boolean }, env: NodeJS.ProcessEnv): Promise<{ vars: Record<string, string>; confirmed: boolean }> {
  const vars: Record<string, string> = {};
  const author = options.author === undefined ? undefined : parseAuthor(options.author);
  if (author) Object.assign(vars, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email });
  // Both asked at once: setting the author's variables does not change who git takes for committer.
  const known = await Promise.all((['AUTHOR', 'COMMITTER'] as const).map((who) => knows(root, who, { ...env, ...vars })));
  for (const [i, who] of (['AUTHOR', 'COMMITTER'] as const).entries()) {
    if (known[i]) continue;
    if (author) {
      Object.assign(vars, { [`GIT_${who}_NAME`]: author.name, [`GIT_${who}_EMAIL`]: author.email });
    } else if (options.fallback) {
      if (!env[`GIT_${who}_NAME`] && !(await config(root, 'user.name', env))) vars[`GIT_${who}_NAME`] = FALLBACK_IDENTITY.name;
      if (!env[`GIT_${who}_EMAIL`] && !(await config(root, 'user.email', env))) vars[`GIT_${who}_EMAIL`] = FALLBACK_IDENTITY.email;
    }
  }
  return { vars, confirmed: known.every(Boolean) };
}

/** Whether git can name the author or committer here (it refuses to commit otherwise). */
async function knows(root: string, who: 'AUTHOR' | 'COMMITTER', env: NodeJS.ProcessEnv): Promise<boolean> {
  return (await gitIn(root, ['var', `GIT_${who}_IDENT`], env)).code === 0;
}

async function config(root: string, key: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await gitIn(root, ['config', '--get', key], env);
  return result.code === 0 ? result.stdout.trim() : '';
}

/**
 * One git process in exactly `env` (not merged with this process's), whatever its exit code. Plain
 * child_process: preflight runs before every plan, and loading execa alone took ~150 ms of start-up.
 */
function gitIn(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8') }));
  });
}
