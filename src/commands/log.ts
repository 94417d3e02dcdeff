import { resolve } from 'node:path';
import { readActivity } from '../activity/log.js';
import { renderActivityTable } from '../report/table.js';
import { stdoutTable } from '../report/terminal.js';
import { openWorkspace } from '../workspace/git.js';

/** `tandem log`: the activity log as a table (or JSON lines), newest last. */
export async function logCommand(options: { limit?: number; json?: boolean; cwd?: string }): Promise<number> {
  const workspace = await openWorkspace(resolve(options.cwd ?? process.cwd()));
  const records = await readActivity(workspace.root, { limit: options.limit });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    return 0;
  }
  if (records.length === 0) {
    process.stdout.write('No model calls recorded yet in .tandem/activity.jsonl. Run "tandem plan <task>" or "tandem demo".\n');
    return 0;
  }
  process.stdout.write(`${renderActivityTable(records, stdoutTable())}\n`);
  return 0;
}
