import { describe, expect, it } from 'vitest';
import { benchTotals, type BenchReport, type BenchWayResult } from '../../src/bench/result.js';
import { renderBenchTable } from '../../src/bench/table.js';
import { benchSection } from '../../src/report/html/bench-section.js';

const way = (passed: boolean, costUsd: number | null, tokens: number, seconds: number, refused = 0): BenchWayResult => ({ passed, costUsd, tokens, seconds, stepsApplied: 1, stepsRefused: refused });
const tasks: BenchReport['tasks'] = [
  { id: 'ts-clamp', language: 'typescript', split: way(true, 0.003, 1500, 2.1), cloud: way(true, 0.005, 1000, 1.5) },
  { id: 'py-fizzbuzz', language: 'python', split: way(false, 0.001, 900, 1.0, 1), cloud: way(true, 0.005, 1000, 1.4) },
];
const report: BenchReport = { simulated: false, architectModel: 'anthropic/claude-sonnet-4', editorModel: 'qwen2.5-coder:7b', tasks, totals: benchTotals(tasks) };

describe('bench results', () => {
  it('sums each way and states the saving against all-cloud', () => {
    expect(report.totals).toEqual({
      split: { passed: 1, tasks: 2, costUsd: 0.004, tokens: 2400, seconds: 3.1, stepsApplied: 2, stepsRefused: 1 },
      cloud: { passed: 2, tasks: 2, costUsd: 0.01, tokens: 2000, seconds: 2.9, stepsApplied: 2, stepsRefused: 0 },
      savedUsd: 0.006,
      savedPct: 60,
    });
  });

  it('leaves the saving unknown when a cost is unknown', () => {
    const unknown = benchTotals([{ ...tasks[0], split: way(true, null, 10, 1) }]);
    expect(unknown.split.costUsd).toBeNull();
    expect(unknown.savedPct).toBeNull();
  });

  it('renders the table within 80 columns', () => {
    const text = renderBenchTable(report);
    expect(text).toBe(
      [
        '                split                           all-cloud',
        'task            pass      cost  tokens   time   pass      cost  tokens   time',
        'ts-clamp        yes    $0.0030   1,500   2.1s   yes    $0.0050   1,000   1.5s',
        'py-fizzbuzz     NO     $0.0010     900   1.0s   yes    $0.0050   1,000   1.4s',
        'total           1/2    $0.0040   2,400   3.1s   2/2    $0.0100   2,000   2.9s',
        '',
        'split: anthropic/claude-sonnet-4 plans, qwen2.5-coder:7b edits.',
        'all-cloud: anthropic/claude-sonnet-4 plans and edits.',
        'The split saved $0.0060 (60.0%) of the all-cloud cost.',
        'Tests passed: 1/2 split, 2/2 all-cloud.',
        'Steps applied: 2 split, 2 all-cloud; refused: 1 split, 0 all-cloud.',
      ].join('\n'),
    );
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('renders an HTML section with every task, the totals and the saving', () => {
    const html = benchSection(report);
    expect(html).toContain('<section id="bench">');
    expect(html).toContain('<td>ts-clamp</td><td>pass</td><td class="num">$0.0030</td>');
    expect(html).toContain('<td class="error">fail</td>');
    expect(html).toContain('<tr class="total"><td>total</td><td>1/2</td>');
    expect(html).toContain('The split saved $0.0060 (60.0%) of the all-cloud cost.');
  });
});
