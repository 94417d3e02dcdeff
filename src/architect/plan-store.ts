import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, TandemError, usageError } from '../errors.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { withoutSecrets } from '../privacy/scrub.js';
import { parseSavedPlan } from './parse-plan.js';
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

/** Saves a plan to .tandem/plans/<id>.json (atomically: a crash never leaves half a plan) and returns the path. */
export async function savePlan(root: string, plan: SavedPlan): Promise<string> {
  await ensurePlansDir(root);
  const path = join(plansDir(root), `${plan.id}.json`);
  await writeAtomic(path, `${JSON.stringify(plan, null, 2)}\n`);
  return path;
}

/** Saves an unusable architect answer next to the plans, for the user to read. */
export async function saveRawAnswer(root: string, id: string, raw: string): Promise<string> {
  await ensurePlansDir(root);
  const path = join(plansDir(root), `${id}.raw.txt`);
  await writeRedacted(path, raw);
  return path;
}

// A temporary file beside the target (secrets redacted), then rename: readers see the old file or the new one, never a torn one.
async function writeAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeRedacted(temp, text);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function ensurePlansDir(root: string): Promise<void> {
  await ensureStateDir(root);
  await mkdir(plansDir(root), { recursive: true });
}

/**
 * Loads a saved plan by id, by path, or the newest with "last", and validates it: a file that is not a
 * plan is a usage error (exit 2), a plan whose steps cannot run (a dependency cycle, an index out of range)
 * is unusable (exit 1), both before anything is created. With "last", files that are not plans are skipped
 * and each is named to `warn`.
 */
export async function loadPlan(root: string, ref: string, warn: (message: string) => void = () => {}): Promise<SavedPlan> {
  const dir = plansDir(root);
  if (ref === 'last') {
    const newest = await newestPlan(dir, warn);
    if (!newest) throw usageError('no saved plan: run "tandem plan <task>" first');
    return usable(newest.plan, newest.path);
  }
  const path = ref.endsWith('.json') ? ref : join(dir, `${ref}.json`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw usageError(`no saved plan "${ref}" (looked for ${path})`, 'list plans with "ls .tandem/plans" or use --last');
  }
  const read = readPlanText(text);
  if (!read.ok) throw usageError(`the plan file ${path} is not a plan: ${read.error}`);
  return usable(read.json, path);
}

function usable(json: unknown, path: string): SavedPlan {
  const checked = parseSavedPlan(json);
  if (!checked.ok) throw new TandemError(`plan unusable: ${checked.error} (in ${path})`, { exitCode: ExitCode.failed, hint: 'make a new plan with tandem plan "<task>"' });
  return checked.plan;
}

function readPlanText(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const plan = json as Partial<SavedPlan> | null;
  if (typeof plan !== 'object' || plan === null || Array.isArray(plan) || typeof plan.id !== 'string' || typeof plan.createdAt !== 'string' || !Array.isArray(plan.steps)) {
    return { ok: false, error: 'no plan id, date or steps in it' };
  }
  return { ok: true, json };
}

async function newestPlan(dir: string, warn: (message: string) => void): Promise<{ path: string; plan: SavedPlan } | undefined> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch {
    return undefined;
  }
  const plans: Array<{ path: string; plan: SavedPlan }> = [];
  for (const name of names) {
    const path = join(dir, name);
    const read = readPlanText(await readFile(path, 'utf8').catch(() => ''));
    if (read.ok) plans.push({ path, plan: read.json as SavedPlan });
    else warn(`skipping ${path}: ${read.error}`);
  }
  plans.sort((a, b) => a.plan.createdAt.localeCompare(b.plan.createdAt));
  return plans.at(-1);
}
