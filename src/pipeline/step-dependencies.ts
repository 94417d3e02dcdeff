import type { SavedPlan } from '../architect/types.js';
import { disclosureOf } from '../disclosure/policy.js';
import { changedSignatures, showsDiff, type ContextDetail, type DependencyChange } from '../editor/dependency-context.js';
import type { SentPiece } from '../privacy/guard.js';
import { runGit } from '../workspace/run-git.js';
import type { RunContext } from './context.js';
import type { StepOutcome } from './outcome.js';

/**
 * What each step this one depends on committed: the commit's diff (one `git show`) and, for the
 * signatures shown when the diff is long or the window tight, the file as that commit left it.
 * A dependency whose file the privacy rules withhold from the editor is left out.
 */
export async function dependencyChanges(ctx: RunContext, plan: SavedPlan, deps: readonly StepOutcome[]): Promise<DependencyChange[]> {
  const out: DependencyChange[] = [];
  for (const dep of deps) {
    // An applied step, or one an earlier run of the plan committed (resume).
    if (!dep.commit || (dep.status !== 'applied' && !dep.resumed)) continue;
    const disclosure = await disclosureOf(ctx.root, dep.file, ctx.config.privacy, 'editor');
    if (!disclosure.send) continue;
    const shown = await runGit(ctx.root, ['show', '--format=', '--no-color', '--no-ext-diff', '--no-renames', dep.commit, '--', dep.file]);
    if (shown.exitCode !== 0 || shown.stdout.trim() === '') continue;
    const deleted = /^\+\+\+ \/dev\/null$/m.test(shown.stdout);
    const file = deleted ? null : await runGit(ctx.root, ['show', `${dep.commit}:${dep.file}`]);
    if (file && file.exitCode !== 0) continue;
    const step = plan.steps[dep.index];
    out.push({ stepNumber: dep.index + 1, title: step.title, file: dep.file, diff: shown.stdout, after: file ? file.stdout : null });
  }
  return out;
}

/** The dependency context as the egress ledger records it: each diff as an excerpt, or its signatures as an outline. */
export function dependencyPieces(changes: readonly DependencyChange[], detail: ContextDetail): SentPiece[] {
  if (detail === 'none') return [];
  return changes.map((c): SentPiece => (showsDiff(c, detail) ? { path: c.file, form: 'excerpt', text: c.diff } : { path: c.file, form: 'outline', text: changedSignatures(c).join('\n') }));
}
