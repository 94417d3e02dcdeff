import type { SavedPlan } from '../architect/types.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { Decisions } from '../pipeline/run.js';

/** What the header says about the session. */
export interface SessionInfo {
  root: string;
  branch: string;
  architectModel: string;
  editorModel: string;
  editorProvider: string;
}

/**
 * Everything the session screens may ask of the core, injected by `tandem session` (and by tests). The
 * screens never reach git, the gateway or the file system themselves.
 */
export interface SessionServices {
  info: SessionInfo;
  /** Plans `task`, asks `decisions`, applies: the first run on a new branch, later ones on that same branch. */
  runTask(task: string, decisions: Decisions, signal: AbortSignal): AsyncIterable<PipelineEvent>;
  /** Asks the architect to revise `plan` with the user's feedback; the revised plan arrives as `plan-ready`, saved as a new plan. */
  revisePlan(plan: SavedPlan, feedback: string, signal: AbortSignal): AsyncIterable<PipelineEvent>;
  /** The working tree in words, checked when the session opens: what would stop a run, what never does. */
  checkTree(): Promise<string>;
  /** Reverts one step's commit; returns the revert commit's sha. */
  revertStep(commit: string): Promise<string>;
  /** Reverts the last run's commits; returns what was done, in words. */
  undo(): Promise<string>;
  /** The newest `limit` model calls as a table. */
  log(limit: number, width: number): Promise<string>;
  /** Model calls summed by role, model and provider. */
  stats(width: number): Promise<string>;
  /** The resolved configuration, keys hidden. */
  config(): string;
}
