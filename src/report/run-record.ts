import { readFile } from 'node:fs/promises';
import { writeRedacted } from '../privacy/safe-write.js';
import { ensureStateDir, runFile } from '../workspace/state.js';
import type { RunReport } from './types.js';

/**
 * Keeps a finished run's report as `.tandem/runs/<plan-id>.json` (the plan's latest run), so a later
 * `tandem plan --revise` can tell the architect which steps were applied and why others failed.
 */
export async function saveRunRecord(root: string, report: RunReport): Promise<void> {
  await ensureStateDir(root);
  await writeRedacted(runFile(root, report.plan.id), `${JSON.stringify(report, null, 2)}\n`);
}

/** The report of the plan's latest run, or undefined when it was never run (or the record is unreadable). */
export async function loadRunRecord(root: string, planId: string): Promise<RunReport | undefined> {
  try {
    const report = JSON.parse(await readFile(runFile(root, planId), 'utf8')) as RunReport;
    return Array.isArray(report.steps) ? report : undefined;
  } catch {
    return undefined;
  }
}
