import { join, resolve } from 'node:path';
import { ensureStateDir, stateDir } from '../workspace/state.js';
import { loadPlan } from '../architect/plan-store.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { formatInt } from '../report/format.js';
import { buildReportInput } from '../report/html/input.js';
import { renderHtmlReport } from '../report/html/page.js';
import { loadRunRecord } from '../report/run-record.js';
import { readSavedBench } from '../bench/saved.js';
import { usageError } from '../errors.js';
import { localityOf } from '../stats/locality.js';
import { parseSince } from '../stats/period.js';
import { latestRunId } from '../stats/run-steps.js';
import { readRecords, type LogFlags } from './log-sources.js';

/** Options of `tandem report`. */
export interface ReportOptions extends LogFlags {
  /** A file, or true (`--html` alone): a new file under .tandem/reports/. */
  html?: string | boolean;
  run?: string;
  since?: string;
}

/** `tandem report --html [file]`: writes the self-contained HTML report of a run (the latest by default) and of the period's calls. */
export async function reportCommand(options: ReportOptions, now: Date = new Date()): Promise<number> {
  if (!options.html) throw usageError('nothing to write: give --html', 'tandem report --html writes .tandem/reports/<run>.html; --html <file> writes where you say');
  const since = options.since === undefined ? null : parseSince(options.since, now);
  const read = await readRecords(options);
  const { config, root } = read;
  // Warm-ups (model loads) belong to no step or plan round: `tandem log` lists them, the report leaves them out.
  const records = read.records.filter((record) => record.kind !== 'warm-up');
  const runId = options.run ?? latestRunId(records);
  const runCalls = records.filter((record) => record.runId === runId);
  if (options.run && runCalls.length === 0) {
    throw usageError(`no model calls recorded for run "${options.run}"`, 'run ids are the runId field of "tandem log --json"');
  }
  const planId = runCalls.find((record) => record.planId !== null)?.planId;
  const input = buildReportInput({
    records,
    runId,
    since,
    now,
    isLocal: localityOf(config),
    architectModel: config.architect.model,
    architectPricing: config.architect.pricing,
    plan: planId && root ? await planTitles(root, planId) : undefined,
    // The saved report is of the plan's latest run: used only when that is the run shown.
    report: planId && root && latestRunId(records.filter((record) => record.planId === planId)) === runId ? await loadRunRecord(root, planId) : undefined,
  });
  if (root) input.bench = await readSavedBench(root);
  const path = typeof options.html === 'string' ? resolve(options.cwd ?? process.cwd(), options.html) : await defaultReportPath(root, runId, now);
  await writeRedacted(path, renderHtmlReport(input));
  const run = input.run ? `run ${input.run.id} (${count(input.run.totals.calls, 'call')})` : 'no run recorded yet';
  process.stdout.write(`Wrote ${path}: ${run}, ${count(input.stats.totals.calls, 'call')} over ${count(input.days.length, 'day')}.\n`);
  return 0;
}

function count(n: number, noun: string): string {
  return `${formatInt(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** The run's task and step titles from its saved plan; none when the plan is gone (the report then numbers the steps). */
async function planTitles(root: string, planId: string): Promise<{ task: string; titles: Map<number, string> } | undefined> {
  try {
    const plan = await loadPlan(root, planId);
    return { task: plan.task, titles: new Map(plan.steps.map((step, index) => [index, step.title])) };
  } catch {
    return undefined;
  }
}

/** `.tandem/reports/<run id>.html` (or the time, with no run yet): inside tandem's ignored state, so it never dirties the tree. */
async function defaultReportPath(root: string | undefined, runId: string | null | undefined, now: Date): Promise<string> {
  if (!root) throw usageError('--html alone writes into the repository\'s .tandem/reports/, and there is no repository here', 'give a file: --html <file>');
  await ensureStateDir(root);
  const name = runId ?? `report-${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`;
  return join(stateDir(root), 'reports', `${name}.html`);
}
