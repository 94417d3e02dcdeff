import { countLines } from './format.js';

/** Instructions that explain a file getting much shorter. */
const SHORTENS = /\b(delete|deletes|remove|removes|drop|drops|strip|trim|shorten|cut|prune|empty)\b/i;

/**
 * Why a whole-file answer that drops more than half the file's lines is refused, unless the step's
 * instructions ask for deleting: a small model rewriting a large file loses lines far more often
 * than it means to. Undefined when the answer is fine.
 */
export function shrinkProblem(before: string | null, after: string | null, instructions: string): { reason: string; feedback: string } | undefined {
  if (before === null || after === null || SHORTENS.test(instructions)) return undefined;
  const was = countLines(before);
  const now = countLines(after);
  if (now * 2 >= was) return undefined;
  return {
    reason: `the whole-file answer drops ${was - now} of ${was} lines, which the step does not ask for`,
    feedback: `Your file has ${now} lines where the current one has ${was}: more than half of it is missing. Send the complete file, every line, with only the step's change made.`,
  };
}
