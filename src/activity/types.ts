import type { CallUsage } from '../gateway/types.js';
import type { RoleName } from '../config/types.js';

/** One line of .tandem/activity.jsonl (DESIGN.md activity log record). */
export interface ActivityRecord extends CallUsage {
  ts: string;
  runId: string;
  planId: string | null;
  step: number | null;
  role: RoleName;
  status: 'ok' | 'error';
  error: string | null;
}
