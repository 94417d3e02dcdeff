import { execa } from 'execa';
import { TandemError } from '../errors.js';

/**
 * `git push -u <remote> <branch>`: never a force-push, so a remote branch that moved is refused by git.
 * A failure is a TandemError with git's own message; the local commits stay as they are.
 */
export async function pushBranch(root: string, branch: string, options: { remote?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  const remote = options.remote ?? 'origin';
  // GIT_TERMINAL_PROMPT=0: a missing credential fails at once instead of waiting for a password nobody will type.
  const env = { ...(options.env ?? process.env), GIT_TERMINAL_PROMPT: '0' };
  const result = await execa('git', ['push', '-u', remote, `refs/heads/${branch}:refs/heads/${branch}`], {
    cwd: root,
    env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    all: true,
  });
  if (result.exitCode !== 0) {
    const said = String(result.all ?? '').trim().split('\n').slice(-6).join('\n  ');
    throw new TandemError(`could not push ${branch} to ${remote}: ${said || result.shortMessage}`, {
      hint: `the commits are on the local branch ${branch}; push it yourself with git push -u ${remote} ${branch}`,
    });
  }
}
