import { spawn } from 'node:child_process';
import { TandemError } from '../errors.js';

/** What a git command printed and how it exited. */
export interface GitOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs git in `root` with `input` on its standard input, resolving whatever the exit code. Plain
 * child_process, not execa: the repository map runs a few git commands on every plan, and loading
 * nothing more keeps its start fast.
 */
export function runGit(root: string, args: readonly string[], input?: string): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), exitCode: code ?? -1 }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input ?? '');
  });
}

/** Runs git and returns its NUL-separated output as a list; a non-zero exit is an error carrying git's message. */
export async function gitList(root: string, args: readonly string[]): Promise<string[]> {
  const result = await runGit(root, args);
  if (result.exitCode !== 0) throw new TandemError(`git ${args.join(' ')} failed: ${result.stderr.trim()}`, { exitCode: 1 });
  return result.stdout.split('\0').filter(Boolean);
}
