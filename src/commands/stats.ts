import { scanActivity } from '../activity/log.js';
import { usageError } from '../errors.js';
import { aggregateStats, StatsAccumulator, type StatsSummary } from '../stats/aggregate.js';
import { statsCsv, statsJson } from '../stats/export.js';
import { parseSince } from '../stats/period.js';
import { renderStatsTable } from '../stats/table.js';
import { aggregateByKey } from '../stats/by-key.js';
import { keyedCsv, keyedJson, renderKeyedTable } from '../stats/by-key-output.js';
import type { ResolvedConfig } from '../config/types.js';
import { readRecords, type LogFlags } from './log-sources.js';
import { openProject } from './options.js';
import { stdoutTable } from '../report/terminal.js';

/** Options of `tandem stats`. */
export interface StatsOptions extends LogFlags {
  since?: string;
  /** Group by role, model and provider (the default), by the upstream that served each call, or by repository. */
  by?: 'model' | 'upstream' | 'repo';
  json?: boolean;
  csv?: boolean;
}

/** `tandem stats`: the activity log summed by role, model and provider over a period, as a table, JSON or CSV. */
export async function statsCommand(options: StatsOptions, now: Date = new Date()): Promise<number> {
  if (options.json && options.csv) throw usageError('choose one of --json and --csv');
  const since = options.since === undefined ? null : parseSince(options.since, now);
  const where = options.log?.length ? 'in the logs given' : 'in .tandem/activity.jsonl';
  if (options.by === 'upstream' || options.by === 'repo') {
    const { records, config } = await readRecords(options, since ? { since } : {});
    const keyed = aggregateByKey(records, options.by, config.architect.pricing);
    if (options.json) process.stdout.write(`${JSON.stringify(keyedJson(keyed, { since, until: now }), null, 2)}\n`);
    else if (options.csv) process.stdout.write(keyedCsv(keyed));
    else if (records.length === 0) process.stdout.write(`No model calls recorded${since ? ' in this period' : ' yet'} ${where}.\n`);
    else process.stdout.write(`${renderKeyedTable(keyed, { since, architectModel: config.architect.model, ...stdoutTable() })}\n`);
    return 0;
  }
  const { summary, config } = await summarize(options, since);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(statsJson(summary, { since, until: now }), null, 2)}\n`);
  } else if (options.csv) {
    process.stdout.write(statsCsv(summary));
  } else if (summary.totals.calls === 0) {
    process.stdout.write(`No model calls recorded${since ? ' in this period' : ' yet'} ${where}.\n`);
  } else {
    process.stdout.write(`${renderStatsTable(summary, { since, architectModel: config.architect.model, ...stdoutTable() })}\n`);
  }
  return 0;
}

/**
 * The summary by role, model and provider. This repository's own log is streamed into running sums (it
 * grows without bound and only its sums are needed); logs gathered with `--log` are read whole, since
 * their records must be told apart by id.
 */
async function summarize(options: StatsOptions, since: Date | null): Promise<{ summary: StatsSummary; config: ResolvedConfig }> {
  if (options.log?.length) {
    const { records, config } = await readRecords(options, since ? { since } : {});
    return { summary: aggregateStats(records, config.architect.pricing), config };
  }
  const { workspace, config } = await openProject(options);
  const sums = new StatsAccumulator();
  await scanActivity(workspace.root, (record) => sums.add(record), since ? { since } : {});
  return { summary: sums.summary(config.architect.pricing), config };
}
