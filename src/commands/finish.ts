import type { RunReport } from '../report/types.js';
import { renderRunTable } from '../report/table.js';
import type { ResolvedConfig } from '../config/types.js';
import { wrapWords } from '../report/layout.js';
import { stdoutTable, tableWidth } from '../report/terminal.js';

/** Prints a finished run's report: the JSON contract, or the table with the saving and where the commits are. */
export function printRunReport(report: RunReport, config: ResolvedConfig, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  // Steps an earlier run of the plan committed (resume) keep their commit and are not run again.
  const earlier = report.steps.filter((s) => s.status === 'skipped' && s.commit).length;
  if (report.branch && earlier === report.steps.length) {
    process.stdout.write(`\n${fitText(`All ${earlier} steps of plan ${report.plan.id} were already committed on branch ${report.branch}: nothing to do.`)}\n`);
    return;
  }
  process.stdout.write(`\n${renderRunTable(report, { architectModel: config.architect.model, ...stdoutTable() })}\n`);
  const applied = report.steps.filter((s) => s.status === 'applied').length;
  const resumed = earlier > 0 ? ` (${earlier} more committed by an earlier run)` : '';
  if (report.branch) process.stdout.write(`\n${fitText(`${applied} of ${report.steps.length} steps committed on branch ${report.branch}${resumed}.`)}\n`);
}

/** A sentence wrapped at word boundaries to the terminal's width (whole when piped). */
function fitText(text: string): string {
  const width = tableWidth();
  return width === undefined ? text : wrapWords(text, width).join('\n');
}
