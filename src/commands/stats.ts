import { readActivity } from '../activity/log.js';
import { usageError } from '../errors.js';
import { aggregateStats } from '../stats/aggregate.js';
import { statsCsv, statsJson } from '../stats/export.js';
import { parseSince } from '../stats/period.js';
import { renderStatsTable } from '../stats/table.js';
import { openProject, type ConfigFlags } from './options.js';

/** Options of `tandem stats`. */
export interface StatsOptions extends ConfigFlags {
  since?: string;
  json?: boolean;
  csv?: boolean;
}

/** `tandem stats`: the activity log summed by role, model and provider over a period, as a table, JSON or CSV. */
export async function statsCommand(options: StatsOptions, now: Date = new Date()): Promise<number> {
  if (options.json && options.csv) throw usageError('choose one of --json and --csv');
  const since = options.since === undefined ? null : parseSince(options.since, now);
  const { workspace, config } = await openProject(options);
  const records = await readActivity(workspace.root, since ? { since } : {});
  const summary = aggregateStats(records, config.architect.pricing);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(statsJson(summary, { since, until: now }), null, 2)}\n`);
  } else if (options.csv) {
    process.stdout.write(statsCsv(summary));
  } else if (records.length === 0) {
    process.stdout.write(`No model calls recorded${since ? ' in this period' : ' yet'} in .tandem/activity.jsonl.\n`);
  } else {
    process.stdout.write(`${renderStatsTable(summary, { since, architectModel: config.architect.model, width: process.stdout.columns })}\n`);
  }
  return 0;
}
