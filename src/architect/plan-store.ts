import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { withoutSecrets } from '../privacy/scrub.js';
import { ensureStateDir, plansDir } from '../workspace/state.js';
import type { SavedPlan } from './types.js';

/**
 * A readable, branch-safe id: a slug of the task's words and four random hex digits. Secrets in the task
 * are left out (the id becomes a branch name, which --push publishes); a task of nothing else gives `plan-<hex>`.
 */
export function newPlanId(task: string, random: () => number = Math.random): string {
  const slug = withoutSecrets(task)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Keep branch names short, cutting at a word boundary when there is one.
  const cut = slug.slice(0, 33);
  const short = slug.length <= 32 ? slug : cut.includes('-') ? cut.replace(/-[^-]*$/, '') : slug.slice(0, 32);
  const suffix = Math.floor(random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `${short || 'plan'}-${suffix}`;
}

/** Saves a plan to .tandem/plans/<id>.json and returns the path. */
export async function savePlan(root: string, plan: SavedPlan): Promise<string> {
  await ensurePlansDir(root);
  const path = join(plansDir(root), `${plan.id}.json`);
  await writeRedacted(path, `${JSON.stringify(plan, null, 2)}\n`);
  return path;
}

/** Saves an unusable architect answer next to the plans, for the user to read. */
export async function saveRawAnswer(root: string, id: string, raw: string): Promise<string> {
  await ensurePlansDir(root);
  const path = join(plansDir(root), `${id}.raw.txt`);
  await writeRedacted(path, raw);
  return path;
}

async function ensurePlansDir(root: string): Promise<void> {
  await ensureStateDir(root);
  await mkdir(plansDir(root), { recursive: true });
}

/** Loads a saved plan by id, by path, or the newest with "last". */
export async function loadPlan(root: string, ref: string): Promise<SavedPlan> {
  const dir = plansDir(root);
  let path: string;
  if (ref === 'last') {
    const newest = await newestPlanFile(dir);
    if (!newest) throw usageError('no saved plan: run "tandem plan <task>" first');
    path = join(dir, newest);
  } else {
    path = ref.endsWith('.json') ? ref : join(dir, `${ref}.json`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw usageError(`no saved plan "${ref}" (looked for ${path})`, 'list plans with "ls .tandem/plans" or use --last');
  }
  try {
    return JSON.parse(text) as SavedPlan;
  } catch {
    throw usageError(`the plan file ${path} is not valid JSON`);
  }
}

async function newestPlanFile(dir: string): Promise<string | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch {
    return undefined;
  }
  const dated = await Promise.all(
    names.map(async (name) => {
      const plan = JSON.parse(await readFile(join(dir, name), 'utf8')) as SavedPlan;
      return { name, createdAt: plan.createdAt };
    }),
  );
  dated.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return dated.at(-1)?.name;
}
