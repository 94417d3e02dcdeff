import { describe, expect, it } from 'vitest';
import { renderMarkdownSummary } from '../../src/report/markdown.js';
import { renderRunTable } from '../../src/report/table.js';
import type { RunReport, StepReport } from '../../src/report/types.js';

const call = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 2000, completionTokens: 400, latencyMs: 3000, costUsd: 0.012 };
const editorCall = { model: 'qwen', provider: 'local', promptTokens: 500, completionTokens: 100, latencyMs: 1500, costUsd: 0 };
const steps: StepReport[] = [
  { index: 0, title: 'One try', file: 'src/a.ts', status: 'applied', ...editorCall, attempts: 1, commit: 'abc', format: 'search-replace' },
  { index: 1, title: 'Escalated', file: 'src/b.ts', status: 'applied', ...editorCall, attempts: 4, commit: 'def', format: 'whole' },
  { index: 2, title: 'Gave up', file: 'src/c.ts', status: 'failed', ...editorCall, attempts: 4, commit: null, reason: 'no match in src/c.ts' },
];
const report: RunReport = {
  plan: { id: 'p-1', task: 'Task', summary: 'Summary.' },
  architect: call,
  steps,
  totals: { promptTokens: 3500, completionTokens: 700, latencyMs: 7500, costUsd: 0.012 },
  savings: { actualUsd: 0.012, allCloudUsd: 0.018, savedUsd: 0.006, savedPct: 33.3 },
};

describe('the format that applied a step', () => {
  it('is named in the table status after retries, and only for an applied step', () => {
    const lines = renderRunTable(report).split('\n');
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(/ applied$/);
    expect(lines.find((l) => l.startsWith('2 '))).toMatch(/ applied \(whole, 4 attempts\)$/);
    expect(lines.find((l) => l.startsWith('3 '))).toMatch(/ failed \(4 attempts\)$/);
  });

  it('is named the same way in the markdown summary', () => {
    const md = renderMarkdownSummary(report, { exitCode: 1 });
    expect(md).toContain('| applied (whole, 4 attempts) |');
    expect(md).toContain('| failed (4 attempts): no match in src/c.ts |');
  });
});
