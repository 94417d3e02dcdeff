/** A check's outcome: `warn` does not fail the doctor; `skip` means an earlier failure made the check pointless. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One line of `tandem doctor`. */
export interface CheckResult {
  /** Stable id for --json readers: config, key, reach, model, editor-call, editor-pin, ollama-context. */
  id: string;
  /** What was checked, e.g. "editor model listed". */
  title: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a failure or warning. */
  fix?: string;
  /** The editor call's measured latency: first (cold) and second (warm) call of a local editor, in ms. */
  measured?: { coldMs: number; warmMs: number };
}

/** Every check, and the exit code they add up to (0 all pass, 1 some failed, 2 invalid config). */
export interface DoctorReport {
  ok: boolean;
  exitCode: number;
  checks: CheckResult[];
}
