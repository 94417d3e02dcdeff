import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** The built launcher: end-to-end tests run exactly what a user runs. */
export const BIN = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));

/** What one run of the CLI did. */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

let home: string | undefined;

/** A HOME with no user config, so the machine's own ~/.config/tandem never leaks into a test. */
export async function isolatedHome(): Promise<string> {
  home ??= await mkdtemp(join(tmpdir(), 'tandem-home-'));
  return home;
}

/** The execa options of every CLI run in the tests: `env` as the whole environment, standard input closed, no throw on a failing exit, a time limit. */
export function cliRunOptions(cwd: string, env: Record<string, string>, timeoutMs = 60_000) {
  return { cwd, env, extendEnv: false, stdin: 'ignore', reject: false, timeout: timeoutMs } as const;
}

/**
 * Runs `node bin/tandem.js ...args` in `cwd` with standard input closed, a clean environment (no
 * TANDEM_* or gateway keys from the machine) and the given extra variables.
 */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number }): Promise<CliResult> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), NO_COLOR: '1', ...options.env };
  const result = await execa('node', [BIN, ...args], cliRunOptions(options.cwd, env, options.timeoutMs));
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
