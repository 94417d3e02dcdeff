import type { BenchReport } from '../../bench/result.js';
import { benchSavingLine } from '../../bench/table.js';
import { formatInt, formatUsd } from '../format.js';
import { escapeHtml } from './escape.js';
import { htmlTable, type Cell } from './table.js';

function way(result: { passed: boolean | number; costUsd: number | null; tokens: number; seconds: number }, tasks?: number): Cell[] {
  const passed = typeof result.passed === 'boolean' ? result.passed ? 'pass' : { text: 'fail', className: 'error' } : `${result.passed}/${tasks}`;
  return [passed, formatUsd(result.costUsd), formatInt(result.tokens), `${result.seconds.toFixed(1)}s`];
}

/** The `tandem bench` section of the HTML report: each task both ways, the totals and the saving. */
export function benchSection(report: BenchReport): string {
  const columns = [{ header: 'task' }, ...['split', 'all-cloud'].flatMap((w) => [{ header: `${w}: test` }, { header: 'cost', num: true }, { header: 'tokens', num: true }, { header: 'time', num: true }])];
  const rows: Cell[][] = [
    ...report.tasks.map((t) => [t.id, ...way(t.split), ...way(t.cloud)]),
    ['total', ...way(report.totals.split, report.totals.split.tasks), ...way(report.totals.cloud, report.totals.cloud.tasks)],
  ];
  const sim = report.simulated ? ' Simulated gateway: scripted answers, no real model was called.' : '';
  return `<section id="bench"><h2>Bench: the split against all-cloud</h2>
<p class="meta">architect ${escapeHtml(report.architectModel)} · editor ${escapeHtml(report.editorModel)} · all-cloud = the architect's model edits too.${escapeHtml(sim)}</p>
${htmlTable(columns, rows, { totals: true })}
<p>${escapeHtml(benchSavingLine(report))}</p></section>`;
}
