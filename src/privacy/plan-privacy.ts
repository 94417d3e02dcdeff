import type { PrivacyLevel } from '../config/types.js';
import { usageError } from '../errors.js';
import type { RunContext } from '../pipeline/context.js';
import type { Summarize } from './disclose.js';
import { guardFor, type PrivacyGuard } from './guard.js';
import { localSummarizer } from './summarize.js';

/** What makePlan needs of a run to honour its privacy level. */
export interface PlanPrivacy {
  privacy: PrivacyLevel;
  guard: PrivacyGuard;
  summarize?: Summarize;
}

/**
 * The privacy settings of a run's architect requests: the level from the config, the run's guard, and
 * for `local-summary` the local editor model as summarizer. A summarizer that is not local would send
 * the very files the level keeps home, so that is refused as a configuration error.
 */
export function planPrivacy(ctx: RunContext, planId: string): PlanPrivacy {
  const privacy = ctx.config.privacy;
  const guard = guardFor(ctx);
  if (privacy !== 'local-summary') return { privacy, guard };
  if (!ctx.config.editor.local) {
    throw usageError(
      `privacy "local-summary" needs a local editor model to write the summaries, and the editor ${ctx.config.editor.model} is not marked local`,
      'set "local": true on the editor if it runs on your own hardware, or use privacy "outline"',
    );
  }
  return { privacy, guard, summarize: localSummarizer({ guard, client: ctx.client('editor'), meta: { runId: ctx.runId, planId, step: null }, signal: ctx.signal }) };
}
