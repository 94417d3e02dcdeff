/** Exit codes of the DESIGN.md contract. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  budget: 3,
  unreachable: 4,
  interrupted: 130,
  /** Stopped by SIGHUP (128 + 1). */
  hangup: 129,
  /** Stopped by SIGTERM (128 + 15), what CI sends on cancel. */
  terminated: 143,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** The one error type commands throw; only src/cli.ts prints it and exits with its code. */
export class TandemError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;

  constructor(message: string, options: { exitCode?: ExitCodeValue; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'TandemError';
    this.exitCode = options.exitCode ?? ExitCode.failed;
    this.hint = options.hint;
  }
}

/** Usage or configuration error: exit 2. */
export function usageError(message: string, hint?: string): TandemError {
  return new TandemError(message, { exitCode: ExitCode.usage, hint });
}

/** The exit code of a run stopped by a signal: 143 for SIGTERM, 129 for SIGHUP, else 130 (SIGINT, Ctrl-C). */
export function signalExitCode(signal: unknown): ExitCodeValue {
  if (signal === 'SIGTERM') return ExitCode.terminated;
  if (signal === 'SIGHUP') return ExitCode.hangup;
  return ExitCode.interrupted;
}
