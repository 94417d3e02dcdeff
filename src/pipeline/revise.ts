import type { Revision } from '../architect/revise.js';
import { withChannel } from './channel.js';
import { createRunContext } from './context.js';
import type { PipelineEvent } from './events.js';
import { planStage } from './plan-stage.js';
import type { PipelineInput } from './run.js';

/**
 * `tandem plan --revise`: the architect gets its first request again (task, repository view, named files),
 * its earlier plan as its own answer, then the feedback and the last run's outcome; the answer is saved
 * as a new plan that `revises` the old one. Events as for `tandem plan`.
 */
export function revisePipeline(input: PipelineInput & { revision: Revision; files: string[] }): AsyncGenerator<PipelineEvent> {
  return withChannel<PipelineEvent>(async (emit) => {
    const ctx = createRunContext({ workspace: input.workspace, config: input.config, emit, signal: input.signal, clientFactory: input.clientFactory });
    try {
      await planStage(ctx, { task: input.revision.plan.task, files: input.files, revision: input.revision }, emit);
    } finally {
      await ctx.recorder.flush();
    }
  });
}
