import type { RunState } from './run-state.js';

/**
 * After steps were reverted from the results screen, how many of the run's steps are still applied: the
 * run's table (already in the scrollback) counted them before the reverts. '' when nothing was reverted.
 */
export function remainingApplied(run: RunState): string {
  const reverted = run.steps.filter((step) => step.revertedBy).length;
  if (reverted === 0 || !run.report) return '';
  const applied = run.report.steps.filter((step) => step.status === 'applied').length - reverted;
  const where = run.branch ? ` on ${run.branch}` : '';
  return `Now ${applied} of ${run.report.steps.length} steps applied${where}.`;
}
