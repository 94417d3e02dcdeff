import { describe, expect, it } from 'vitest';
import { benchTotals, type BenchReport } from '../../../src/bench/result.js';
import { buildReportInput } from '../../../src/report/html/input.js';
import { renderHtmlReport } from '../../../src/report/html/page.js';

const result = (costUsd: number) => ({ passed: true, costUsd, tokens: 1000, seconds: 1.2, stepsApplied: 1, stepsRefused: 0 });
const tasks: BenchReport['tasks'] = [{ id: 'ts-clamp', language: 'typescript', split: result(0.002), cloud: result(0.004) }];
const bench: BenchReport = { simulated: false, architectModel: 'anthropic/claude-sonnet-4', editorModel: 'qwen2.5-coder:7b', tasks, totals: benchTotals(tasks) };

describe('the bench section of the HTML report', () => {
  const base = () => buildReportInput({ records: [], runId: null, since: null, now: new Date(2025, 2, 4), isLocal: () => true, architectModel: 'anthropic/claude-sonnet-4' });

  it('shows the saved bench run after the other sections', () => {
    const html = renderHtmlReport({ ...base(), bench });
    expect(html).toContain('<section id="bench"><h2>Bench: the split against all-cloud</h2>');
    expect(html).toContain('The split saved $0.0020 (50.0%) of the all-cloud cost.');
    expect(html.indexOf('id="bench"')).toBeGreaterThan(html.indexOf('id="run"'));
  });

  it('has no bench section when no bench was run', () => {
    expect(renderHtmlReport(base())).not.toContain('id="bench"');
  });
});
