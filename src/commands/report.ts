import { resolve } from 'node:path';
import { loadPlan } from '../architect/plan-store.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { formatInt } from '../report/format.js';
import { buildReportInput } from '../report/html/input.js';
import { renderHtmlReport } from '../report/html/page.js';
import { readSavedBench } from '../bench/saved.js';
import { usageError } from '../errors.js';
import { localityOf } from '../stats/locality.js';
import { parseSince } from '../stats/period.js';
import { latestRunId } from '../stats/run-steps.js';
import { readRecords, type LogFlags } from './log-sources.js';

/** Options of `tandem report`. */
export interface ReportOptions extends LogFlags {
  html?: string;
  run?: string;
  since?: string;
}

/** `tandem report --html <file>`: writes the self-contained HTML report of a run (the latest by default) and of the period's calls. */
export async function reportCommand(options: ReportOptions, now: Date = new Date()): Promise<number> {
  if (!options.html) throw usageError('nothing to write: give --html <file>', 'e.g. tandem report --html tandem-report.html');
  const since = options.since === undefined ? null : parseSince(options.since, now);
  const { records, config, root } = await readRecords(options);
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
  });
  if (root) input.bench = await readSavedBench(root);
  const path = resolve(options.cwd ?? process.cwd(), options.html);
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
