import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SimpleGit } from 'simple-git';
import { gitRun, gitSaid, type GitResult } from './git-run.js';
import { ExitCode, TandemError, usageError } from '../errors.js';
import { scrub } from '../privacy/scrub.js';
import { PatchError } from './errors.js';
import { LOG_FORMAT, parseLog, parseStatusChanges, parseStatusPaths, type LogEntry } from './git-output.js';
import { confinePath } from './paths.js';
import { ensureStateDir, tmpDir } from './state.js';

/** The git repository tandem works in; every method touches only what it is asked to. */
export interface Workspace {
  readonly root: string;
  /** Tracked changes (staged or not) and untracked, non-ignored files, outside `.tandem/`. */
  dirtyFiles(): Promise<string[]>;
  /** The same files split: tracked files with changes (staged or not), and untracked, non-ignored files. */
  changes(): Promise<{ tracked: string[]; untracked: string[] }>;
  /** The commit HEAD points at, or null on a branch with no commits yet. */
  head(): Promise<string | null>;
  /** The checked-out branch, or 'HEAD' when detached. */
  currentBranch(): Promise<string>;
  branchExists(name: string): Promise<boolean>;
  /** Creates `name` at HEAD and checks it out; the working tree and index are left as they are. */
  createBranch(name: string): Promise<void>;
  /** Checks out an existing branch (local changes that do not conflict are carried over, as git does). */
  switchTo(name: string): Promise<void>;
  /** Checks, then applies a unified diff to the working tree (not the index); throws PatchError with git's message. */
  applyPatch(patch: string): Promise<void>;
  /** Commits exactly `paths` (new, changed or deleted) with `trailers` after a blank line; returns the new sha. */
  commit(paths: string[], message: string, trailers?: Record<string, string>): Promise<string>;
  /** `git revert --no-edit`; returns the new sha. */
  revert(sha: string): Promise<string>;
  /** Commits in `range` (e.g. `main..tandem/x`), newest first. */
  log(range: string, limit?: number): Promise<LogEntry[]>;
}

/** Opens the repository containing `cwd`; exit 2 when there is none or it has no commits. */
export async function openWorkspace(cwd: string): Promise<Workspace> {
  if (!existsSync(cwd)) throw usageError(`not a git repository: ${cwd} (no such directory)`);
  // One git process for the top level and HEAD: with -q, a repository without commits prints its top level and exits 1.
  let result: GitResult;
  try {
    result = await gitRun(cwd, ['rev-parse', '--show-toplevel', '--verify', '-q', 'HEAD']);
  } catch (error) {
    throw gitStartError(cwd, error);
  }
  const [root, head] = result.stdout.split('\n').map((line) => line.trim());
  if (!root || result.code > 1) throw gitStartError(cwd, new Error(gitSaid(result)));
  const workspace = new GitWorkspace(root);
  if (result.code !== 0 || !head) {
    throw usageError(
      `the repository at ${root} has no commits yet`,
      'tandem commits its steps on top of an existing commit: make one first, e.g. git add -A && git commit -m "initial commit"',
    );
  }
  return workspace;
}

function gitStartError(cwd: string, error: unknown): TandemError {
  const message = errorText(error);
  if (/ENOENT/.test(message) && /spawn/.test(message)) return usageError('git is not installed or not on PATH');
  if (/not a git repository/i.test(message)) {
    return usageError(`not a git repository: ${cwd}`, 'run tandem inside a git repository (git init creates one)');
  }
  if (/must be run in a work tree/i.test(message)) return usageError(`not a git working tree: ${cwd}`, 'tandem needs a checkout, not a bare repository');
  return new TandemError(`git failed in ${cwd}: ${message}`, { exitCode: ExitCode.usage, cause: error });
}

/**
 * simple-git, but any non-zero exit is an error: by default it ignores failures that print nothing to stderr
 * (`nothing to commit`). Loaded on first use: `tandem plan` reaches its model request without it.
 */
async function strictGit(baseDir: string): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  return simpleGit({
    baseDir,
    errors: (error, result) => error ?? (result.exitCode ? Buffer.concat([...result.stdErr, ...result.stdOut]) : undefined),
  });
}

const TRAILER_KEY = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

class GitWorkspace implements Workspace {
  readonly root: string;
  private client?: Promise<SimpleGit>;

  constructor(root: string) {
    this.root = root;
  }

  /** The git output of `args`, through simple-git; rejects on a non-zero exit. */
  private async raw(args: string[]): Promise<string> {
    this.client ??= strictGit(this.root);
    return (await this.client).raw(args);
  }

  async dirtyFiles(): Promise<string[]> {
    return parseStatusPaths(await this.status());
  }

  async changes(): Promise<{ tracked: string[]; untracked: string[] }> {
    return parseStatusChanges(await this.status());
  }

  /** `git status` in the machine format; one plain process, since `run` asks it before its first model call. */
  private async status(): Promise<string> {
    const result = await gitRun(this.root, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
    if (result.code !== 0) throw new TandemError(`could not read the working tree's status: ${gitSaid(result)}`);
    return result.stdout;
  }

  async head(): Promise<string | null> {
    return (await this.query(['rev-parse', '--verify', '-q', 'HEAD'])) || null;
  }

  async currentBranch(): Promise<string> {
    return (await this.query(['symbolic-ref', '--short', '-q', 'HEAD'])) || 'HEAD';
  }

  async branchExists(name: string): Promise<boolean> {
    return (await this.query(['rev-parse', '--verify', '-q', `refs/heads/${name}`])) !== '';
  }

  async createBranch(name: string): Promise<void> {
    const valid = !name.startsWith('-') && (await this.query(['check-ref-format', '--branch', name])) !== '';
    if (!valid) throw usageError(`invalid branch name: ${name}`);
    if (await this.branchExists(name)) {
      throw usageError(`branch ${name} already exists`, 'tandem never overwrites a branch: delete or rename it first, or use --in-place');
    }
    await this.run(['checkout', '-q', '-b', name], `could not create branch ${name}`);
  }

  async switchTo(name: string): Promise<void> {
    try {
      await this.raw(['checkout', '-q', name, '--']);
    } catch (error) {
      throw usageError(`could not check out ${name}: ${errorText(error).trim()}`, 'commit or stash the changes git names, then try again');
    }
  }

  async applyPatch(patch: string): Promise<void> {
    if (patch.trim() === '') throw new PatchError('empty patch: nothing to apply', 'the patch is empty');
    await ensureStateDir(this.root);
    await mkdir(tmpDir(this.root), { recursive: true });
    const file = join(tmpDir(this.root), `${randomUUID()}.diff`);
    await writeFile(file, patch);
    try {
      // --whitespace=nowarn overrides a user's apply.whitespace=error, which would refuse model output over trailing spaces.
      for (const args of [['apply', '--check', '--whitespace=nowarn', file], ['apply', '--whitespace=nowarn', file]]) {
        try {
          await this.raw(args);
        } catch (error) {
          const gitMessage = errorText(error).replaceAll(file, '<patch>').trim();
          throw new PatchError(`git apply refused the patch: ${gitMessage}`, gitMessage, error);
        }
      }
    } finally {
      await rm(file, { force: true });
    }
  }

  async commit(paths: string[], message: string, trailers: Record<string, string> = {}): Promise<string> {
    // Without paths, `git commit` would take whatever the user happens to have staged.
    if (paths.length === 0) throw new TandemError('refusing to commit: no paths given');
    const confined = [...new Set(paths.map((path) => confinePath(this.root, path)))];
    // Commit messages get pushed and posted: the redaction holds for them as for every output.
    const trailerLines = Object.entries(trailers).map(([key, raw]) => {
      const value = scrub(raw);
      if (!TRAILER_KEY.test(key) || /[\r\n]/.test(value)) throw new TandemError(`invalid commit trailer ${JSON.stringify(`${key}: ${value}`)}`);
      return `${key}: ${value}`;
    });
    // `add` makes new files known (and records deletions); `--only` then commits just these paths and leaves
    // everything else the user staged staged.
    // --literal-pathspecs: a file named `*.ts` must mean that one file, never a glob over the user's work.
    await this.run(['--literal-pathspecs', 'add', '--', ...confined], 'could not stage the changed files');
    const args = ['--literal-pathspecs', 'commit', '-q', '--only', '--no-verify', '--cleanup=whitespace', '-m', scrub(message)];
    if (trailerLines.length > 0) args.push('-m', trailerLines.join('\n'));
    // --no-verify: the user's hooks (formatters, linters) must not rewrite or reject a step half-way through a run.
    await this.run([...args, '--', ...confined], `could not commit ${confined.join(', ')}`);
    return (await this.head()) as string;
  }

  async revert(sha: string): Promise<string> {
    const commit = sha.startsWith('-') ? '' : await this.query(['rev-parse', '--verify', '-q', `${sha}^{commit}`]);
    if (commit === '') throw usageError(`no such commit: ${sha}`);
    try {
      await this.raw(['revert', '--no-edit', commit]);
    } catch (error) {
      // Leave no half-done revert behind: the tree goes back to how the user had it.
      if ((await this.query(['rev-parse', '--verify', '-q', 'REVERT_HEAD'])) !== '') {
        await this.run(['revert', '--abort'], `could not abort the revert of ${sha}`);
      }
      throw new TandemError(`could not revert ${sha}: ${errorText(error).trim()}`, { cause: error });
    }
    return (await this.head()) as string;
  }

  async log(range: string, limit?: number): Promise<LogEntry[]> {
    if (range.startsWith('-')) throw usageError(`invalid revision range: ${range}`);
    const args = ['log', `--format=${LOG_FORMAT}`];
    if (limit !== undefined) args.push(`--max-count=${limit}`);
    return parseLog(await this.run([...args, range, '--'], `could not read the log of ${range}`));
  }

  /** Trimmed output of a git command whose failure only means "no" (an unknown ref, a detached HEAD). */
  private async query(args: string[]): Promise<string> {
    // One plain process: these are asked before the first model call (the branch, HEAD), where loading simple-git would cost more than git.
    const result = await gitRun(this.root, args).catch(() => null);
    return result?.code === 0 ? result.stdout.trim() : '';
  }

  private async run(args: string[], what: string): Promise<string> {
    try {
      return await this.raw(args);
    } catch (error) {
      throw new TandemError(`${what}: ${errorText(error).trim()}`, { cause: error });
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
