import type { RunReport } from '../report/types.js';
import { renderRunTable } from '../report/table.js';
import type { ResolvedConfig } from '../config/types.js';

/** Prints a finished run's report: the JSON contract, or the table with the saving and where the commits are. */
export function printRunReport(report: RunReport, config: ResolvedConfig, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  process.stdout.write(`\n${renderRunTable(report, { architectModel: config.architect.model })}\n`);
  const applied = report.steps.filter((s) => s.status === 'applied').length;
  if (report.branch) process.stdout.write(`\n${applied} of ${report.steps.length} steps committed on branch ${report.branch}.\n`);
}
