import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TandemError } from '../errors.js';
import { scrub } from '../privacy/scrub.js';
import { gitRun, gitSaid } from './git-run.js';
import { makePatch } from './patch.js';
import { ensureStateDir, tmpDir } from './state.js';

/** One step's change to one file: the content the step read, the content it wants, and the commit message. */
export interface StepChange {
  path: string;
  before: string | null;
  after: string | null;
  message: string;
  trailers: Record<string, string>;
}

/** The step could not become a commit; the working tree, the index and the branch are as they were before it. */
export class StepCommitError extends TandemError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'StepCommitError';
  }
}

/** HEAD left the run's branch, or the branch moved underneath: the run must stop, committing nothing more. */
export class BranchMovedError extends TandemError {
  constructor(message: string) {
    super(message, { hint: 'the steps committed before this stay on their branch; tandem apply <plan-id> resumes the rest' });
    this.name = 'BranchMovedError';
  }
}

/** Commits steps onto one branch, one at a time, whatever order they arrive in. */
export interface StepCommitter {
  readonly branch: string;
  /** Commits the change, then updates the working tree and the real index for its path only; returns the new sha. */
  commit(change: StepChange): Promise<string>;
  /** Removes the temporary index. */
  close(): Promise<void>;
}

const TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * Opens the commit path of a run on `branch` (which HEAD must be on). By default a step becomes a commit
 * through a temporary index and git plumbing: `apply --cached`, `write-tree`, `commit-tree` (`-S` when
 * commit.gpgsign is on) and `update-ref` with the expected old value, so a branch that moved is refused, and
 * nothing the user has staged or changed elsewhere is ever read or touched. With `verifyHooks` it goes through
 * `git commit` so the repository's hooks run; a hook that fails leaves the file and the index as they were.
 */
export async function openStepCommitter(root: string, options: { branch: string; verifyHooks?: boolean }): Promise<StepCommitter> {
  const branch = options.branch;
  const ref = `refs/heads/${branch}`;
  const [opened, signing] = await Promise.all([gitRun(root, ['rev-parse', '--absolute-git-dir', '--verify', ref]), gitRun(root, ['config', '--bool', '--get', 'commit.gpgsign'])]);
  if (opened.code !== 0) throw new TandemError(`cannot commit on ${branch}: ${gitSaid(opened)}`);
  // commit-tree does not read commit.gpgsign itself; preflight has proved that signing works.
  const sign = signing.stdout.trim() === 'true' ? ['-S'] : [];
  const [gitDir, startTip] = opened.stdout.trim().split('\n');
  let tip = startTip;
  await ensureStateDir(root);
  await mkdir(tmpDir(root), { recursive: true });
  const index = join(tmpDir(root), `index-${process.pid}-${randomBytes(4).toString('hex')}`);
  const indexEnv = { GIT_INDEX_FILE: index };
  let indexAt: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const git = async (args: string[], what: string, extra: { input?: string; env?: Record<string, string> } = {}): Promise<string> => {
    const result = await gitRun(root, args, extra);
    if (result.code !== 0) throw new StepCommitError(`${what}: ${gitSaid(result)}`);
    return result.stdout.trim();
  };

  const checkHead = async (): Promise<void> => {
    const head = (await readFile(join(gitDir, 'HEAD'), 'utf8')).trim();
    if (head !== `ref: ${ref}`) {
      const now = head.startsWith('ref: refs/heads/') ? `branch ${head.slice('ref: refs/heads/'.length)}` : 'a detached HEAD';
      throw new BranchMovedError(`HEAD left ${branch} during the run (it is now on ${now}): stopped without committing there`);
    }
  };

  const checkUnchanged = async (change: StepChange): Promise<void> => {
    const now = await readBytes(join(root, change.path));
    const expected = change.before === null ? null : Buffer.from(change.before, 'utf8');
    if (now === 'unreadable' || (now === null) !== (expected === null) || (now && expected && !now.equals(expected))) {
      throw new StepCommitError(`${change.path} changed while its step ran (someone else edited it): the step was not committed and that edit is untouched`);
    }
  };

  const setFile = async (path: string, content: string | null): Promise<void> => {
    const full = join(root, path);
    if (content === null) await rm(full, { force: true });
    else {
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
  };

  // The real index gets exactly the committed entry for this path (or loses it), nothing else.
  const syncIndex = (commit: string, path: string) => git(['--literal-pathspecs', 'reset', '-q', commit, '--', path], `could not update the index for ${path}`);

  const plumbing = async (change: StepChange, message: string): Promise<string> => {
    const patch = makePatch(change.path, change.before, change.after);
    if (patch === '') throw new StepCommitError(`the edit of ${change.path} changes nothing`);
    if (indexAt !== tip) {
      await git(['read-tree', tip], 'could not prepare the commit', { env: indexEnv });
      indexAt = tip;
    }
    let commit: string;
    try {
      // Checked and applied in one go against the branch's own tree; a refused patch leaves the index as it was.
      await git(['apply', '--cached', '--whitespace=nowarn', '-'], 'git apply refused the patch', { input: patch, env: indexEnv });
      indexAt = null;
      const tree = await git(['write-tree'], 'could not write the tree', { env: indexEnv });
      commit = await git(['commit-tree', ...sign, tree, '-p', tip, '-F', '-'], `could not commit ${change.path}`, { input: message });
    } catch (error) {
      indexAt = null;
      throw error;
    }
    await checkHead();
    await checkUnchanged(change);
    const moved = await gitRun(root, ['update-ref', '-m', `tandem: ${change.path}`, ref, commit, tip]);
    if (moved.code !== 0) throw new BranchMovedError(`${branch} moved during the run (${gitSaid(moved)}): stopped without committing`);
    try {
      await checkHead();
      await setFile(change.path, change.after);
      await syncIndex(commit, change.path);
    } catch (error) {
      // Back to how it was: the ref, the file and its index entry; the user never sees half a step.
      await gitRun(root, ['update-ref', ref, tip, commit]);
      await setFile(change.path, change.before).catch(() => {});
      await gitRun(root, ['--literal-pathspecs', 'reset', '-q', tip, '--', change.path]);
      throw error;
    }
    indexAt = commit;
    return commit;
  };

  const porcelain = async (change: StepChange, message: string): Promise<string> => {
    await setFile(change.path, change.after);
    try {
      await git(['--literal-pathspecs', 'add', '--', change.path], `could not stage ${change.path}`);
      await git(['--literal-pathspecs', 'commit', '-q', '--only', '--cleanup=whitespace', '-F', '-', '--', change.path], `could not commit ${change.path}`, { input: message });
    } catch (error) {
      await setFile(change.path, change.before);
      await gitRun(root, ['--literal-pathspecs', 'reset', '-q', tip, '--', change.path]);
      throw error;
    }
    const head = await git(['rev-parse', 'HEAD'], 'could not read the new commit');
    indexAt = null;
    return head;
  };

  const commitOne = async (change: StepChange): Promise<string> => {
    // Commit messages get pushed and posted: the redaction holds for them as for every output.
    const message = scrub(messageWithTrailers(change.message, change.trailers));
    await checkHead();
    await checkUnchanged(change);
    const commit = options.verifyHooks ? await porcelain(change, message) : await plumbing(change, message);
    tip = commit;
    return commit;
  };

  return {
    branch,
    commit(change) {
      const next = queue.then(() => commitOne(change));
      queue = next.catch(() => {});
      return next;
    },
    async close() {
      await queue;
      await rm(index, { force: true });
    },
  };
}

function messageWithTrailers(message: string, trailers: Record<string, string>): string {
  const lines = Object.entries(trailers).map(([key, value]) => {
    if (!TRAILER_KEY.test(key) || /[\r\n]/.test(value)) throw new StepCommitError(`invalid commit trailer ${JSON.stringify(`${key}: ${value}`)}`);
    return `${key}: ${value}`;
  });
  return `${message.trim()}\n${lines.length > 0 ? `\n${lines.join('\n')}\n` : ''}`;
}

async function readBytes(path: string): Promise<Buffer | null | 'unreadable'> {
  try {
    return await readFile(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
}
