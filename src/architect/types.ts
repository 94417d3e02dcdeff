/** One file-sized step of a plan (DESIGN.md plan contract). */
export interface PlanStep {
  title: string;
  file: string;
  action: 'edit' | 'create' | 'delete';
  instructions: string;
  /** 0-based indexes of earlier steps. */
  depends_on: number[];
}

/** What the architect answers. */
export interface Plan {
  summary: string;
  steps: PlanStep[];
}

/** Cost and usage of one call, as the report contract shows it. */
export interface CallSummary {
  model: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  costUsd: number | null;
  /** "estimated" when some call's tokens were counted locally because the gateway sent no usage. */
  usageSource?: 'estimated';
  /** Prompt tokens read from the provider's prompt cache (outside the base contract; only when some were). */
  cachedTokens?: number;
  /** Prompt tokens written to the prompt cache (outside the base contract; only when some were). */
  cacheWriteTokens?: number;
  /** Bytes of the requests that went to a cloud role (outside the base contract; set on run reports). */
  cloudBytes?: number;
}

/** A plan as saved to .tandem/plans/<id>.json. */
export interface SavedPlan extends Plan {
  id: string;
  task: string;
  createdAt: string;
  /** HEAD when the plan was made. */
  baseCommit: string | null;
  /** The architect call(s) that made it, summed. */
  architect: CallSummary;
  /** Project rules files the architect was sent (AGENTS.md and the like), highest precedence first. */
  rules?: string[];
  /** The plan this one revises (`tandem plan --revise`). */
  revises?: string;
  /** With `revises`: each version's own architect calls, the first plan first; `architect` is their sum. */
  versions?: Array<{ id: string; architect: CallSummary }>;
}
