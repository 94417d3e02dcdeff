import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { keepCheckOutput } from '../privacy/check-log.js';
import { scrub } from '../privacy/scrub.js';
import { formatInt } from '../report/format.js';
import type { CheckReport } from '../report/types.js';

/** How much check output is kept for the architect and the report. */
export const CHECK_OUTPUT_LIMIT = 4000;

/**
 * Keeps the head and the tail of a long output (a test runner prints the first error early and its
 * summary last), marking how much was cut between them; colour codes and CRLF are removed first.
 */
export function trimOutput(text: string, limit = CHECK_OUTPUT_LIMIT): string {
  const clean = stripVTControlCharacters(text).replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  if (clean.length <= limit) return clean;
  const headSize = Math.floor(limit * 0.3);
  const tailSize = limit - headSize;
  // Cut at line ends where one is near, so no line is shown half.
  const headEnd = clean.lastIndexOf('\n', headSize);
  const head = clean.slice(0, headEnd > headSize / 2 ? headEnd : headSize);
  const tailStart = clean.indexOf('\n', clean.length - tailSize);
  const tail = clean.slice(tailStart !== -1 && tailStart < clean.length - tailSize / 2 ? tailStart + 1 : clean.length - tailSize);
  const cut = clean.length - head.length - tail.length;
  return `${head}\n[… ${formatInt(cut)} characters cut …]\n${tail}`;
}

/**
 * Runs the check command in a shell in `cwd`, never reading standard input. Output is stdout and stderr
 * interleaved, trimmed and redacted (the whole output is kept in `.tandem/checks/`); a command that cannot start or is killed is a failed check (exit code null), not an error.
 */
export async function runCheck(command: string, options: { cwd: string; signal?: AbortSignal }): Promise<CheckReport> {
  const started = Date.now();
  const posix = process.platform !== 'win32';
  // On POSIX one redirect in the shell keeps stderr in order with stdout (two pipes would interleave loosely),
  // and its own process group lets an interrupt stop the whole command, not only the shell.
  const child = execa(posix ? `{ ${command}\n} 2>&1` : command, {
    shell: true,
    cwd: options.cwd,
    all: true,
    reject: false,
    stdin: 'ignore',
    maxBuffer: 32 * 1024 * 1024,
    detached: posix,
    ...(!posix && options.signal ? { cancelSignal: options.signal } : {}),
  });
  const stop = () => {
    try {
      if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  if (options.signal?.aborted) stop();
  const result = await child;
  options.signal?.removeEventListener('abort', stop);
  const exitCode = typeof result.exitCode === 'number' ? result.exitCode : null;
  const parts = [String(result.all ?? '')];
  if (exitCode === null) parts.push(`[${options.signal?.aborted ? 'interrupted' : result.signal ? `killed by ${result.signal}` : result.shortMessage}]`);
  const output = parts.filter((part) => part.trim() !== '').join('\n');
  // Kept whole only in a local file; everywhere else (report, summary, architect) trimmed and redacted.
  const log = await keepCheckOutput(options.cwd, output);
  return { command, exitCode, passed: exitCode === 0 && !result.failed, output: scrub(trimOutput(output)), durationMs: Date.now() - started, log };
}
