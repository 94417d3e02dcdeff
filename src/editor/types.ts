import type { EditFormat } from '../config/types.js';

/** One edit block as parsed from a model's answer, before it is located in a file. */
export type ParsedBlock =
  | { kind: 'search-replace'; path?: string; search: string; replace: string }
  | { kind: 'udiff'; path?: string; hunks: DiffHunk[]; deleteFile?: boolean }
  | { kind: 'whole'; path?: string; content: string };

/** A diff hunk: its lines without the leading marker, in order. Line numbers are not trusted. */
export interface DiffHunk {
  lines: Array<{ op: ' ' | '-' | '+'; text: string }>;
}

export type BlockStatus = 'applied' | 'refused' | 'failed' | 'unchanged';

/** What became of one block. `reason` is for the user (short); feedback for the model is separate. */
export interface BlockReport {
  index: number;
  file: string;
  status: BlockStatus;
  reason?: string;
  /** Which rung of the matching ladder placed it (exact, whitespace, indent-shift, ...). */
  strategy?: string;
}

/** The form an answer's edit was written in. */
export type EditAnswerFormat = ParsedBlock['kind'];

/** The engine's verdict on one answer for one file. The engine never writes: the caller does. */
export interface FileEditResult {
  path: string;
  before: string | null;
  /** The new content; null means delete the file. Equal to before when nothing was applied. */
  after: string | null;
  /** True when every block applied (or was a no-op) and the content changed. */
  ok: boolean;
  changed: boolean;
  blocks: BlockReport[];
  /** Exact, actionable text for the model when some block did not apply (nearest real lines, line numbers). */
  feedback?: string;
  /** The form the answer's first block was written in. */
  format?: EditAnswerFormat;
}

/** Options of the engine. */
export interface EngineOptions {
  /** Similarity (0..1) a fuzzy match must reach before it is even considered. */
  fuzzyThreshold?: number;
  /** Whether a bare name (`Makefile`) is a file of the repository, so a line holding it names a block's file. */
  isFileName?: (name: string) => boolean;
}

export type { EditFormat };
