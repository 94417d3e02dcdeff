import { formatInt, formatUsd } from '../report/format.js';
import type { BenchReport, BenchWayResult, BenchWayTotals } from './result.js';

const WIDTHS = [15, 5, 8, 7, 6];

function cells(way: BenchWayResult | BenchWayTotals): string[] {
  const passed = typeof way.passed === 'boolean' ? (way.passed ? 'yes' : 'NO') : `${way.passed}/${(way as BenchWayTotals).tasks}`;
  return [passed, formatUsd(way.costUsd), formatInt(way.tokens), `${way.seconds.toFixed(1)}s`];
}

function line(first: string, split: string[], cloud: string[]): string {
  const pad = (values: string[]) => values.map((v, i) => (i === 0 ? v.padEnd(WIDTHS[1]) : v.padStart(WIDTHS[i + 1]))).join(' ');
  return `${first.padEnd(WIDTHS[0])} ${pad(split)}   ${pad(cloud)}`.trimEnd();
}

/** The saving in one sentence, or why there is none to state. */
export function benchSavingLine(report: BenchReport): string {
  const { totals } = report;
  if (totals.savedPct === null) return 'Saving: unknown (a price is missing, or all-cloud cost nothing).';
  const verb = totals.savedUsd! >= 0 ? 'saved' : 'cost an extra';
  return `The split ${verb} ${formatUsd(Math.abs(totals.savedUsd!))} (${Math.abs(totals.savedPct).toFixed(1)}%) of the all-cloud cost.`;
}

/** The bench as a plain table, at most 80 columns: pass, cost, tokens and time per task for each way, then the totals and the saving. */
export function renderBenchTable(report: BenchReport): string {
  const head = ['pass', 'cost', 'tokens', 'time'];
  const rows = [
    `${''.padEnd(WIDTHS[0])} ${'split'.padEnd(29)}   all-cloud`,
    line('task', head, head),
    ...report.tasks.map((t) => line(t.id, cells(t.split), cells(t.cloud))),
    line('total', cells(report.totals.split), cells(report.totals.cloud)),
  ];
  const refused = report.totals.split.stepsRefused + report.totals.cloud.stepsRefused;
  const steps = `Steps applied: ${report.totals.split.stepsApplied} split, ${report.totals.cloud.stepsApplied} all-cloud${refused > 0 ? `; refused: ${report.totals.split.stepsRefused} split, ${report.totals.cloud.stepsRefused} all-cloud` : ''}.`;
  const passed = `Tests passed: ${report.totals.split.passed}/${report.totals.split.tasks} split, ${report.totals.cloud.passed}/${report.totals.cloud.tasks} all-cloud.`;
  const sim = report.simulated ? '\nSIMULATED gateway: scripted answers, no real model was called;\ntokens and costs are computed as in real use.' : '';
  const who = `split: ${report.architectModel} plans, ${report.editorModel} edits.\nall-cloud: ${report.architectModel} plans and edits.`;
  return `${rows.join('\n')}\n\n${who}\n${benchSavingLine(report)}\n${passed}\n${steps}${sim}`;
}
