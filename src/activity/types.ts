import type { CallKind, CallUsage } from '../gateway/types.js';
import type { RoleName } from '../config/types.js';

/** One line of .tandem/activity.jsonl (DESIGN.md activity log record). */
export interface ActivityRecord extends CallUsage {
  /** Unique per record, so logs gathered from many places are summed once however often they are passed. */
  id?: string;
  /** The repository the call was made for (origin URL without credentials, else the folder's name). */
  repo?: string;
  ts: string;
  runId: string;
  planId: string | null;
  step: number | null;
  role: RoleName;
  status: 'ok' | 'error';
  error: string | null;
  /** Set for calls that are neither planning nor a step (`warm-up`); such calls stay out of step rows. */
  kind?: CallKind;
}
