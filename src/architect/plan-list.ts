import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runGit } from '../workspace/run-git.js';
import { plansDir } from '../workspace/state.js';
import type { SavedPlan } from './types.js';

/** Which steps of a plan are committed (1-based, as the Tandem-Step trailer counts), and on which branches. */
export interface PlanProgress {
  steps: Set<number>;
  branches: Set<string>;
}

/** Every saved plan in .tandem/plans, newest first; files that are not plans are passed over. */
export async function listPlans(root: string): Promise<SavedPlan[]> {
  const dir = plansDir(root);
  const names = await readdir(dir).catch(() => [] as string[]);
  const plans = await Promise.all(
    names
      .filter((name) => name.endsWith('.json'))
      .map(async (name) => {
        try {
          const plan = JSON.parse(await readFile(join(dir, name), 'utf8')) as SavedPlan;
          return typeof plan.id === 'string' && Array.isArray(plan.steps) ? plan : null;
        } catch {
          return null;
        }
      }),
  );
  return plans.filter((plan): plan is SavedPlan => plan !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const FORMAT = '%H%x1f%S%x1f%s%x1f%(trailers:key=Tandem-Plan,valueonly,separator=%x2c)%x1f%(trailers:key=Tandem-Step,valueonly,separator=%x2c)%x1e';

/**
 * The committed steps of every plan, read from the Tandem-Plan and Tandem-Step trailers on all local
 * branches. A commit undone by a later `Revert "<subject>"` (how git revert names it) does not count.
 */
export async function planProgress(root: string): Promise<Map<string, PlanProgress>> {
  const log = await runGit(root, ['log', '--branches', '--source', '--date-order', `--format=${FORMAT}`]);
  const progress = new Map<string, PlanProgress>();
  if (log.exitCode !== 0) return progress;
  const pendingReverts = new Map<string, number>();
  for (const record of log.stdout.split('\x1e')) {
    const [sha, ref, subject, plan, step] = record.replace(/^\n+/, '').split('\x1f');
    if (!sha) continue;
    const reverted = /^Revert "(.*)"$/.exec(subject);
    if (reverted) pendingReverts.set(reverted[1], (pendingReverts.get(reverted[1]) ?? 0) + 1);
    const planId = plan?.trim();
    if (!planId) continue;
    const waiting = pendingReverts.get(subject) ?? 0;
    if (waiting > 0) {
      pendingReverts.set(subject, waiting - 1);
      continue;
    }
    const entry = progress.get(planId) ?? { steps: new Set<number>(), branches: new Set<string>() };
    const index = Number(step?.trim());
    if (Number.isInteger(index) && index > 0) entry.steps.add(index);
    entry.branches.add(ref.replace(/^refs\/heads\//, ''));
    progress.set(planId, entry);
  }
  return progress;
}
