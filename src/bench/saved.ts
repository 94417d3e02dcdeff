import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRedacted } from '../privacy/safe-write.js';
import { ensureStateDir, stateDir } from '../workspace/state.js';
import type { BenchReport } from './result.js';

/** `.tandem/bench.json`: the latest real bench run of a repository, for `tandem report --html`. */
export function benchPath(root: string): string {
  return join(stateDir(root), 'bench.json');
}

/** Saves a bench report as the repository's latest. */
export async function saveBench(root: string, report: BenchReport): Promise<string> {
  await ensureStateDir(root);
  await writeRedacted(benchPath(root), `${JSON.stringify(report, null, 2)}\n`);
  return benchPath(root);
}

/** The repository's latest saved bench report, if any (an unreadable file counts as none). */
export async function readSavedBench(root: string): Promise<BenchReport | undefined> {
  try {
    const report = JSON.parse(await readFile(benchPath(root), 'utf8')) as BenchReport;
    return Array.isArray(report.tasks) && report.totals ? report : undefined;
  } catch {
    return undefined;
  }
}
