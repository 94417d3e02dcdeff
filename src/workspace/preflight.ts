import { usageError } from '../errors.js';
import { gitRun, gitSaid } from './git-run.js';
import type { Workspace } from './git.js';
import { commitIdentity } from './identity.js';

/** What a command is about to do, so the checks that matter to it run before any paid call. */
export interface PreflightOptions {
  /** Unattended (CI): where git knows nobody, commit as the documented bot identity instead of failing. */
  ci: boolean;
  /** `tandem run --author`. */
  author?: string;
  /** `--in-place`: HEAD must be on a branch. */
  inPlace?: boolean;
  /** A branch the run will create (`--branch`): it must be a valid name that does not exist yet. */
  newBranch?: string;
}

/**
 * Checks, before any model call, that tandem's commits can be made: who commits (the user's identity; the
 * bot identity only in CI; otherwise exit 2 with the `git config` fix), that signing works when
 * commit.gpgsign is on (proved by signing a throwaway commit object; signing is never turned off), an
 * attached HEAD for --in-place, and a new branch name that is free. Returns the identity variables to set
 * for git (empty when the user's own identity applies).
 */
export async function preflight(workspace: Workspace, options: PreflightOptions, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
  const root = workspace.root;
  const [{ vars, confirmed }, signing, branch] = await Promise.all([
    commitIdentity(root, { author: options.author, fallback: options.ci }, env),
    gitRun(root, ['config', '--bool', '--get', 'commit.gpgsign']),
    options.inPlace ? workspace.currentBranch() : Promise.resolve(''),
  ]);
  const identity = { ...stringEnv(env), ...vars };
  // Asked again only when the identity had gaps: whether a fallback or --author filled them, and git's own words if not.
  const known = confirmed ? [] : await Promise.all(['GIT_AUTHOR_IDENT', 'GIT_COMMITTER_IDENT'].map((name) => gitRun(root, ['var', name], { env: identity })));
  const missing = known.find((result) => result.code !== 0);
  if (missing) {
    throw usageError(
      `git does not know who commits here (no user.name / user.email): ${gitSaid(missing).split('\n')[0]}`,
      'set it once with: git config --global user.name "Your Name" && git config --global user.email "you@example.com"' +
        ' (tandem run also takes --author "Name <email>"; in CI, where nobody is configured, tandem commits as tandem <tandem@localhost>)',
    );
  }
  if (signing.stdout.trim() === 'true') {
    const proof = await gitRun(root, ['commit-tree', '-S', 'HEAD^{tree}', '-m', 'tandem preflight: can this repository sign commits?'], { env: identity });
    if (proof.code !== 0) {
      throw usageError(
        `commit signing is on (commit.gpgsign = true) but git cannot sign here: ${gitSaid(proof).split('\n').slice(-3).join(' ')}`,
        'make the key usable (user.signingkey, gpg.program, gpg.format), or turn signing off for this repository yourself: git config commit.gpgsign false',
      );
    }
  }
  if (options.inPlace && branch === 'HEAD') {
    throw usageError('--in-place needs a branch, but HEAD is detached', 'check out a branch first (git switch <branch>), or leave out --in-place to commit on a new tandem/<plan-id> branch');
  }
  if (options.newBranch !== undefined) await checkNewBranch(workspace, options.newBranch);
  return vars;
}

/** A branch name tandem may create: valid for git and not taken. */
export async function checkNewBranch(workspace: Workspace, name: string): Promise<void> {
  const format = name.startsWith('-') ? null : await gitRun(workspace.root, ['check-ref-format', '--branch', name]);
  if (!format || format.code !== 0) throw usageError(`invalid branch name: ${name}`);
  if (await workspace.branchExists(name)) {
    throw usageError(`branch ${name} already exists`, 'tandem never commits onto a branch it did not make: pass another --branch <name>, or delete that branch first');
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
