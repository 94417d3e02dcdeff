import { makePatch } from '../workspace/patch.js';
import type { PatchPlan } from './plan.js';

/** One line per block: status, file, block number, then the rung that placed it or why it did not apply. */
export function renderBlocks(plan: PatchPlan): string {
  const width = Math.max(...plan.blocks.map((b) => (b.file ?? '-').length));
  return plan.blocks
    .map((b) => {
      const why = b.status === 'applied' ? ` (${b.strategy ?? 'applied'})` : b.reason ? `: ${b.reason}` : '';
      return `${b.status.padEnd(9)} ${(b.file ?? '-').padEnd(width)}  block ${b.block}${why}`;
    })
    .join('\n');
}

/** The closing summary: what was (or would be) written, how many blocks applied, and what to tell the model if some did not. */
export function renderSummary(plan: PatchPlan, dryRun: boolean): string {
  const written = plan.files.filter((f) => f.write).map((f) => f.path);
  const applied = plan.blocks.filter((b) => b.status === 'applied').length;
  const verb = dryRun ? 'Would write' : 'Wrote';
  const lines = [`${written.length > 0 ? `${verb} ${written.join(', ')}.` : 'Nothing written.'} ${applied} of ${plan.blocks.length} blocks applied.`];
  if (plan.feedback.length > 0) lines.push('', 'To retry, send the model this:', '', ...plan.feedback);
  return lines.join('\n');
}

/** The unified diff of every file that is (or would be) written, as git would show it. */
export function renderDiff(plan: PatchPlan): string {
  return plan.files
    .filter((f) => f.write)
    .map((f) => makePatch(f.path, f.before, f.after))
    .join('');
}

/** The JSON report: one object per block. */
export function renderJson(plan: PatchPlan): string {
  const rows = plan.blocks.map((b) => ({ block: b.block, file: b.file, status: b.status, reason: b.reason ?? null, strategy: b.strategy ?? null }));
  return JSON.stringify(rows, null, 2);
}
