import { describe, expect, it } from 'vitest';
import { cell, fenced, renderMarkdownSummary } from '../../src/report/markdown.js';
import type { RunReport } from '../../src/report/types.js';

const call = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 2000, completionTokens: 400, latencyMs: 3000, costUsd: 0.012 };
const editorCall = { model: 'qwen', provider: 'local', promptTokens: 500, completionTokens: 100, latencyMs: 1500, costUsd: 0 };
const failing = { command: 'npm test', exitCode: 1, passed: false, output: 'FAIL a | b\n```\nsnippet\n```', durationMs: 2100 };

const report: RunReport = {
  plan: { id: 'add-sub-1a2b', task: 'Add subtract\nand test it', summary: 'Add subtract.' },
  architect: call,
  steps: [
    { index: 0, title: 'Add subtract', file: 'src/math.ts', status: 'applied', ...editorCall, attempts: 1, commit: 'abc', check: failing },
    { index: 1, title: 'Fix | order', file: 'src/math.ts', status: 'applied', ...editorCall, attempts: 2, commit: 'def' },
    { index: 2, title: 'Docs', file: 'README.md', status: 'skipped', ...editorCall, attempts: 0, commit: null, reason: 'not run: budget reached' },
  ],
  totals: { promptTokens: 3000, completionTokens: 600, latencyMs: 6000, costUsd: 0.012 },
  savings: { actualUsd: 0.012, allCloudUsd: 0.018, savedUsd: 0.006, savedPct: 33.3 },
  branch: 'tandem/add-sub-1a2b',
  check: { command: 'npm test', passed: true, passedRound: 2, checkEach: true },
  rounds: [
    { round: 1, kind: 'plan', summary: 'Add subtract.', steps: [0], architect: { ...call, costUsd: 0.006 }, check: { ...failing } },
    { round: 2, kind: 'fix', summary: 'Fix it.', steps: [1, 2], architect: { ...call, costUsd: 0.006 }, check: { ...failing, exitCode: 0, passed: true, output: 'ok', durationMs: 900 } },
  ],
};

describe('renderMarkdownSummary', () => {
  it('renders the task, outcome, plan, step table with totals, saving, rounds and the last failing check output', () => {
    expect(renderMarkdownSummary(report, { exitCode: 0 })).toBe(`## tandem: Add subtract and test it

✅ **2 of 3 steps applied** on branch \`tandem/add-sub-1a2b\` (exit code 0).
Check \`npm test\` passed in round 2.

### Plan

Add subtract. (plan \`add-sub-1a2b\`)

1. Add subtract: \`src/math.ts\`
2. Fix \\| order: \`src/math.ts\` (fix-up round 2)
3. Docs: \`README.md\` (fix-up round 2)

### Steps

| Step | File | Model | Provider | Tokens in/out | Latency | Cost | Status |
|---|---|---|---|--:|--:|--:|---|
| plan |  | anthropic/claude-sonnet-4 | anthropic | 2,000 / 400 | 3.0s | $0.0120 | planned |
| 1 | \`src/math.ts\` | qwen | local | 500 / 100 | 1.5s | $0.0000 | applied; check failed (exit 1) |
| 2 | \`src/math.ts\` | qwen | local | 500 / 100 | 1.5s | $0.0000 | applied (2 attempts) |
| 3 | \`README.md\` | - | - | - | - | - | skipped: not run: budget reached |
| **total** | | | | 3,000 / 600 | 6.0s | $0.0120 | 2 applied, 1 skipped |

saved $0.0060 (33%) against running every step on anthropic/claude-sonnet-4

### Check rounds: \`npm test\`

| Round | Steps | Architect cost | Check | Exit code | Duration | Note |
|--:|---|--:|---|--:|--:|---|
| 1 | 1 | $0.0060 | failed | 1 | 2.1s |  |
| 2 | 2, 3 | $0.0060 | passed | 0 | 0.9s |  |

### Last failing check output (round 1)

\`\`\`\`text
FAIL a | b
\`\`\`
snippet
\`\`\`
\`\`\`\`
`);
  });

  it('says when the check never passed and when the budget stopped the run', () => {
    const stopped: RunReport = {
      ...report,
      check: { command: 'npm test', passed: false, passedRound: null, checkEach: false },
      rounds: [report.rounds![0]],
      budget: { maxTokens: 10, spentUsd: 0, spentTokens: 20, spentUsdPartial: false, stopped: { limit: 'tokens', when: 'after-call', message: 'budget exceeded (--max-tokens 10)' } },
    };
    const md = renderMarkdownSummary(stopped, { exitCode: 3 });
    expect(md).toContain('❌ **2 of 3 steps applied** on branch `tandem/add-sub-1a2b` (exit code 3).\nCheck `npm test` did not pass (1 round).\nStopped by the budget: budget exceeded (--max-tokens 10).\n');
    expect(md).toContain('### Last failing check output (round 1)');
  });

  it('leaves out rounds and check output for a run without a check', () => {
    const plain: RunReport = { ...report, check: undefined, rounds: undefined, steps: report.steps.map((step) => ({ ...step, check: undefined })) };
    const md = renderMarkdownSummary(plain, { exitCode: 0 });
    expect(md).not.toContain('Check');
    expect(md).not.toContain('Last failing');
  });
});

describe('fenced and cell', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(fenced('plain')).toBe('```\nplain\n```');
    expect(fenced('a ````` b\n', 'text')).toBe('``````text\na ````` b\n``````');
  });

  it('keeps a table cell on one line with pipes escaped', () => {
    expect(cell('a | b\nc \\ d')).toBe('a \\| b c \\\\ d');
  });
});
