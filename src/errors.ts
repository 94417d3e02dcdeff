/** Exit codes of the DESIGN.md contract. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  budget: 3,
  unreachable: 4,
  interrupted: 130,
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
