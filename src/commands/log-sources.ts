import { resolve } from 'node:path';
import { readActivity } from '../activity/log.js';
import { readLogs } from '../activity/read-logs.js';
import type { ActivityRecord } from '../activity/types.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { flagsLayer, openProject, type ConfigFlags } from './options.js';

/** Flags of the commands that read activity logs: `--log` names logs gathered from elsewhere. */
export interface LogFlags extends ConfigFlags {
  log?: string[];
}

/** The records a stats or report command works on, the configuration that prices them, and the repository when there is one. */
export interface LogRecords {
  records: ActivityRecord[];
  config: ResolvedConfig;
  root?: string;
}

/**
 * Reads this repository's `.tandem/activity.jsonl`, or with `--log` the named logs, which need no
 * repository at all (a CI job that downloaded every repository's artifacts runs in a plain folder).
 */
export async function readRecords(flags: LogFlags, options: { since?: Date } = {}): Promise<LogRecords> {
  if (!flags.log?.length) {
    const { workspace, config } = await openProject(flags);
    return { records: await readActivity(workspace.root, options), config, root: workspace.root };
  }
  const cwd = resolve(flags.cwd ?? process.cwd());
  const project = await openProject(flags).catch((error: unknown) => {
    if (error instanceof TandemError && error.exitCode === ExitCode.usage && /not a git|no commits/.test(error.message)) return undefined;
    throw error;
  });
  const config = project?.config ?? (await loadConfig({ flags: flagsLayer(flags), configFile: flags.config ? resolve(flags.config) : undefined }));
  return { records: await readLogs(flags.log, { cwd }, options), config, root: project?.workspace.root };
}
