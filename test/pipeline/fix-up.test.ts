import { describe, expect, it } from 'vitest';
import { buildFixupTask } from '../../src/pipeline/fix-up.js';

describe('buildFixupTask', () => {
  it('states the task, the steps done, the first failing step and the fenced check output', async () => {
    const text = await buildFixupTask({
      task: 'Add subtract.',
      round: 1,
      check: { command: 'npm test', exitCode: 1, passed: false, output: 'FAIL ```x```', durationMs: 10 },
      steps: [
        { title: 'Add subtract', file: 'src/math.ts', status: 'applied' },
        { title: 'Docs', file: 'README.md', status: 'failed', reason: 'no match in README.md' },
      ],
      firstFailedStep: 0,
    });
    expect(text).toBe(`Add subtract.

Fix-up round 1. A plan for this task has been carried out, one commit per step:
1. Add subtract (src/math.ts): applied
2. Docs (README.md): failed: no match in README.md
With the check run after every step, it first failed after step 1.

Then the check \`npm test\` was run on the result and failed (exit code 1). Its output (long output keeps its start and its end):
\`\`\`\`
FAIL \`\`\`x\`\`\`
\`\`\`\`

Plan only the further steps that make the check pass. The steps above stay committed: do not repeat them, build on them. Answer in the same JSON format; in "depends_on", count from 0 within your new steps. The files changed so far are shown above, under "Files named for this task".`);
  });

  it('says when the check was stopped and had no output', async () => {
    const text = await buildFixupTask({ task: 't', round: 2, check: { command: 'c', exitCode: null, passed: false, output: '', durationMs: 1 }, steps: [] });
    expect(text).toContain('Fix-up round 2.');
    expect(text).toContain('failed (it was stopped before it finished)');
    expect(text).toContain('```\n(no output)\n```');
    expect(text).not.toContain('first failed after');
  });
});
