import { spawn } from 'node:child_process';

/** What one git process did. */
export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one git process directly (no queue, no wrapper): the commit path spawns several per step and each
 * millisecond counts. `input` goes to standard input; `env` is added to this process's environment.
 */
export function gitRun(cwd: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (options.input !== undefined) {
      // A git that exits before reading all of it (a refused patch) must not crash us with EPIPE.
      child.stdin?.on('error', () => {});
      child.stdin?.end(options.input);
    }
  });
}

/** git's own words for a failed command: stderr, else stdout, trimmed. */
export function gitSaid(result: GitResult): string {
  return (result.stderr.trim() || result.stdout.trim() || `git exited with ${result.code}`).split('\n').slice(-8).join('\n');
}
