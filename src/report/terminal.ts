/** A stream output is written to: its TTY flag and width, when it is a terminal. */
export interface OutputStream {
  isTTY?: boolean;
  columns?: number;
}

/** The global output flags (`--wide`, `--no-color`), set once from the command line. */
export interface OutputFlags {
  wide?: boolean;
  /** False with --no-color; commander's default for a --no-* flag is true. */
  color?: boolean;
}

let flags: OutputFlags = {};

/** Records the global output flags for this process (called by src/cli.ts before a command runs). */
export function setOutputFlags(next: OutputFlags): void {
  flags = { ...next };
}

/**
 * The width tables must fit: the terminal's columns (80 when a TTY does not say), unbounded (undefined)
 * when the output is piped, so scripts get every column whole, or with --wide.
 */
export function tableWidth(stream: OutputStream = process.stdout): number | undefined {
  if (flags.wide || !stream.isTTY) return undefined;
  return stream.columns && stream.columns > 0 ? stream.columns : 80;
}

/** The width live progress lines are cut to: the terminal's, 80 when unknown, unbounded when not a TTY. */
export function lineWidth(stream: OutputStream): number | undefined {
  if (!stream.isTTY) return undefined;
  return stream.columns && stream.columns > 0 ? stream.columns : 80;
}

/**
 * Whether to colour what goes to `stream`: never with --no-color; always with FORCE_COLOR (other than
 * 0/false); never with NO_COLOR set to anything non-empty (no-color.org) or TERM=dumb; else on a TTY.
 */
export function colorOn(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flags.color === false) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** Whether to animate progress on `stream`: only on a TTY, and never in CI. */
export function animateOn(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !isCi(env);
}

function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/** How tables printed on standard output are laid out: its width and whether to colour. */
export function stdoutTable(env: NodeJS.ProcessEnv = process.env): { width?: number; color: boolean } {
  return { width: tableWidth(process.stdout), color: colorOn(process.stdout, env) };
}
