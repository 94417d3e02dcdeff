import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureSummary, writeFailureSummary, writeRunOutputs } from '../../src/ci/outputs.js';
import { TandemError } from '../../src/errors.js';
import { renderMarkdownSummary } from '../../src/report/markdown.js';
import type { RunReport } from '../../src/report/types.js';

const call = { model: 'm', provider: 'p', promptTokens: 1, completionTokens: 1, latencyMs: 1, costUsd: 0 };
const report: RunReport = {
  plan: { id: 'id-1', task: 'task', summary: 's' },
  architect: call,
  steps: [{ index: 0, title: 'T', file: 'a.ts', status: 'failed', ...call, attempts: 3, commit: null, reason: 'no match' }],
  totals: { promptTokens: 2, completionTokens: 2, latencyMs: 2, costUsd: 0 },
  savings: { actualUsd: 0, allCloudUsd: 0, savedUsd: 0, savedPct: null },
};

describe('writeRunOutputs', () => {
  it('writes the JSON report and the summary, appends the step summary, and returns annotations under GitHub Actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-out-'));
    const stepSummary = join(dir, 'step.md');
    await writeFile(stepSummary, 'before\n');
    const lines = await writeRunOutputs(report, { reportFile: join(dir, 'deep/r.json'), summaryFile: join(dir, 's.md'), stepSummary, annotate: true }, { exitCode: 1, architectModel: 'm' });
    expect(JSON.parse(await readFile(join(dir, 'deep/r.json'), 'utf8'))).toEqual(report);
    const markdown = renderMarkdownSummary(report, { exitCode: 1, architectModel: 'm' });
    expect(await readFile(join(dir, 's.md'), 'utf8')).toBe(markdown);
    expect(await readFile(stepSummary, 'utf8')).toBe(`before\n${markdown}\n`);
    expect(lines).toEqual(['::error file=a.ts::tandem step 1 (T) failed: no match']);
  });

  it('writes nothing and annotates nothing when no target is set', async () => {
    expect(await writeRunOutputs(report, { annotate: false }, { exitCode: 1, architectModel: 'm' })).toEqual([]);
  });

  it('turns an unwritable path into a TandemError naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-out-'));
    await writeFile(join(dir, 'file'), '');
    await expect(writeRunOutputs(report, { reportFile: join(dir, 'file/r.json'), annotate: false }, { exitCode: 1, architectModel: 'm' })).rejects.toThrow(
      `could not write the JSON report to ${join(dir, 'file/r.json')}: `,
    );
  });
});

describe('failureSummary', () => {
  it('says no changes were made, with the exit code and message', async () => {
    const markdown = failureSummary('Rename x\nmore', new TandemError('budget reached', { exitCode: 3 }));
    expect(markdown).toBe('## tandem: Rename x\n\n❌ **No changes made** (exit code 3): budget reached\n');
    const dir = await mkdtemp(join(tmpdir(), 'tandem-out-'));
    await writeFailureSummary(markdown, { summaryFile: join(dir, 's.md'), stepSummary: join(dir, 'step.md') });
    expect(await readFile(join(dir, 's.md'), 'utf8')).toBe(markdown);
    expect(await readFile(join(dir, 'step.md'), 'utf8')).toBe(`${markdown}\n`);
  });
});
