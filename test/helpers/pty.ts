import { execa } from 'execa';
import { BIN, cliRunOptions, isolatedHome } from './cli.js';

/** What the CLI wrote to a pseudo-terminal, as raw bytes (ANSI codes, \r redraws and all). */
export interface PtyResult {
  exitCode: number;
  output: string;
}

/**
 * Runs `node bin/tandem.js ...args` in a pseudo-terminal of `cols`x`rows` (util-linux `script`), so
 * stdout and stderr are TTYs exactly as at a person's terminal. The environment is clean like runCli's
 * (no TANDEM_* or keys from the machine), without NO_COLOR unless given.
 */
export async function runInPty(args: string[], options: { cwd: string; cols: number; rows: number; env?: Record<string, string>; timeoutMs?: number }): Promise<PtyResult> {
  const quoted = [BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), TERM: 'xterm-256color', ...options.env };
  const result = await execa('script', ['-qec', `stty cols ${options.cols} rows ${options.rows}; node ${quoted}`, '/dev/null'], cliRunOptions(options.cwd, env, options.timeoutMs));
  return { exitCode: result.exitCode ?? -1, output: String(result.stdout) };
}

/** Every stretch of text the terminal shows on one row: split at newlines and carriage returns, ANSI codes removed. */
export function screenLines(output: string): string[] {
  return output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/\r\n|\n|\r/);
}

/** The lines wider than `cols` characters. */
export function overlong(output: string, cols: number): string[] {
  return screenLines(output).filter((line) => [...line].length > cols);
}
