import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import { readEgress } from '../privacy/egress-ledger.js';
import { renderFilesTable, renderRunsTable } from '../privacy/egress-render.js';
import { summarizeEgress } from '../privacy/egress-summary.js';
import { stdoutTable } from '../report/terminal.js';
import { openWorkspace } from '../workspace/git.js';

/** Options of `tandem egress`. */
export interface EgressOptions {
  run?: string;
  limit?: number;
  json?: boolean;
  cwd?: string;
}

/**
 * `tandem egress`: what left the machine, from `.tandem/egress.jsonl`. A table of runs (the newest
 * `limit`, default 10) and the files of the newest run or of `--run`; `--json` gives the selected runs
 * with their destinations and files.
 */
export async function egressCommand(options: EgressOptions): Promise<number> {
  const workspace = await openWorkspace(resolve(options.cwd ?? process.cwd()));
  const all = summarizeEgress(await readEgress(workspace.root));
  const chosen = options.run ? all.filter((run) => run.runId === options.run || run.planIds.includes(options.run as string)) : all.slice(-(options.limit ?? 10));
  if (options.run && chosen.length === 0) throw usageError(`no run or plan "${options.run}" in .tandem/egress.jsonl`, 'run "tandem egress" to list the runs on record');
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ runs: chosen }, null, 2)}\n`);
    return 0;
  }
  if (chosen.length === 0) {
    process.stdout.write('Nothing recorded yet in .tandem/egress.jsonl: no model has been sent anything from this repository.\n');
    return 0;
  }
  const table = stdoutTable();
  const last = chosen[chosen.length - 1];
  process.stdout.write(`${renderRunsTable(chosen, table)}\n\nFiles sent in ${last.runId}:\n${renderFilesTable(last, table)}\n`);
  return 0;
}
