import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const LOCAL_CONFIG = '[user]\n\tname = Tandem Test\n\temail = test@tandem.invalid\n[commit]\n\tgpgsign = false\n[core]\n\tautocrlf = false\n';

export interface GitFixture {
  /** Real path of the repository root (symlinks such as macOS /tmp resolved). */
  root: string;
  /** Runs git in the root; resolves to stdout without its trailing newlines, rejects with git's stderr. */
  git: (...args: string[]) => Promise<string>;
  /** Removes the repository. */
  cleanup(): Promise<void>;
}

export interface GitFixtureOptions {
  /** Make the initial commit (default true); false leaves a repository with no commits and the files untracked. */
  commit?: boolean;
}

/** A real temporary git repository on branch `main` holding `files` (path -> content, written byte for byte) in one commit. */
export async function gitFixture(files: Record<string, string> = {}, options: GitFixtureOptions = {}): Promise<GitFixture> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'tandem-git-')));
  const git = async (...args: string[]): Promise<string> => {
    try {
      const { stdout } = await run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      return stdout.replace(/\n+$/, '');
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`git ${args.join(' ')} failed: ${stderr.trim() || String(error)}`, { cause: error });
    }
  };
  await git('init', '-q', '-b', 'main');
  // Local settings, so tests never depend on the machine's global git config; written directly to spare four git processes.
  await appendFile(join(root, '.git/config'), LOCAL_CONFIG);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  if (options.commit !== false) {
    await git('add', '--all');
    await git('commit', '-q', '--allow-empty', '-m', 'initial commit');
  }
  return { root, git, cleanup: () => rm(root, { recursive: true, force: true }) };
}
