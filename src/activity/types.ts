import type { CostSource } from '../gateway/types.js';
import type { RoleName } from '../config/types.js';

/** One line of .tandem/activity.jsonl (DESIGN.md activity log record). */
export interface ActivityRecord {
  ts: string;
  runId: string;
  planId: string | null;
  step: number | null;
  role: RoleName;
  model: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  latencyMs: number;
  ttftMs: number | null;
  costUsd: number | null;
  costSource: CostSource;
  status: 'ok' | 'error';
  error: string | null;
}
