import type { TextFile } from './text-file.js';

/** Why a unit did not apply; feedback.ts turns it into a short reason and a message for the model. */
export type Failure =
  | { kind: 'no-match' }
  | { kind: 'ambiguous'; starts: number[] }
  | { kind: 'close'; starts: number[] }
  | { kind: 'wrong-file'; path: string }
  | { kind: 'elided-whole'; line: string; lineNo: number }
  | { kind: 'empty-whole' }
  | { kind: 'elided-replace'; line: string }
  | { kind: 'elision-mismatch' }
  | { kind: 'conflict'; line: string }
  | { kind: 'reindent' }
  | { kind: 'empty-search' }
  | { kind: 'missing-file' }
  | { kind: 'wrong-lang'; lang: string }
  | { kind: 'delete-mismatch' };

/** The verdict on one unit: the file after it (and the lines it wrote, first to just past the last), or why it was left alone. */
export type UnitOutcome =
  | { status: 'applied' | 'unchanged'; strategy: string; file: TextFile | null; note?: string; span?: { start: number; end: number } }
  | { status: 'refused' | 'failed'; strategy?: string; failure: Failure };

const FAILED: ReadonlySet<Failure['kind']> = new Set(['no-match', 'missing-file', 'delete-mismatch']);

/** A refusal (tandem found the edit but judged it unsafe) or a failure (it could not be placed at all). */
export function notApplied(failure: Failure, strategy?: string): UnitOutcome {
  return { status: FAILED.has(failure.kind) ? 'failed' : 'refused', strategy, failure };
}
