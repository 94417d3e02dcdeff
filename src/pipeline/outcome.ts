import type { EditAnswerFormat } from '../editor/types.js';
import type { ModelResult } from '../gateway/types.js';
import type { StepStatus } from '../report/types.js';

/** What became of one step, with every successful call it made. */
export interface StepOutcome {
  index: number;
  status: StepStatus;
  file: string;
  calls: ModelResult[];
  fallbackCalls: ModelResult[];
  attempts: number;
  commit: string | null;
  reason?: string;
  /** Set when the step was left out by choice (deselected), which is no failure. */
  byChoice?: boolean;
  /** Set when the step failed because the gateway or model could not be reached. */
  unreachable?: boolean;
  /** Set when an earlier run of the plan already committed the step (resume): it counts as done. */
  resumed?: boolean;
  /** The format of the editor's answer that applied (search-replace, udiff or whole). */
  format?: EditAnswerFormat;
}
