import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = {
  summary: 'Rename add.',
  steps: [
    { title: 'Rename add', file: 'src/math.ts', action: 'edit', instructions: 'Rename add to sum.', depends_on: [] },
    { title: 'Rename the call', file: 'src/main.ts', action: 'edit', instructions: 'Call sum.', depends_on: [0] },
  ],
};
// An edit whose SEARCH text is nowhere in the file: refused on every attempt.
const BAD_EDIT = 'src/math.ts\n<<<<<<< SEARCH\nexport function nothing() {}\n=======\nexport function sum() {}\n>>>>>>> REPLACE\n';

const { repo, startGateway } = useRepoAndGateway({ 'src/math.ts': 'export function add(a: number, b: number) {\n  return a + b;\n}\n', 'src/main.ts': "import { add } from './math';\nadd(1, 2);\n" });

describe('a run with nothing applied', () => {
  it('says "nothing applied; spent $X" instead of a saving, in the table, the JSON saving and the HTML report', async () => {
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: () => ({ text: JSON.stringify(PLAN), promptTokens: 1000, completionTokens: 200, provider: 'anthropic' }) },
        { match: matchProviderPinned(), replies: () => ({ text: BAD_EDIT, promptTokens: 400, completionTokens: 60, provider: '_tandem_local_router' }) },
      ],
    });
    const env = cliEnv(gateway);
    const run = await runCli(['run', 'rename add to sum', '--yes'], { cwd: repo.root, env });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('nothing applied; spent $0.0060');
    expect(run.stdout).not.toMatch(/saved \$/);
    expect(run.stdout).toContain('1 failed, 1 skipped');

    const [recordFile] = await readdir(join(repo.root, '.tandem', 'runs'));
    const record = JSON.parse(await readFile(join(repo.root, '.tandem', 'runs', recordFile), 'utf8'));
    // The saving covers applied steps only: none, so the all-cloud price is the plan call alone.
    expect(record.savings).toEqual({ actualUsd: 0.006, allCloudUsd: 0.006, savedUsd: 0, savedPct: 0 });

    const html = await runCli(['report', '--html', 'out/report.html'], { cwd: repo.root, env });
    expect(html.exitCode, html.stderr).toBe(0);
    const page = await readFile(join(repo.root, 'out', 'report.html'), 'utf8');
    expect(page).toContain('steps: 0 applied, 1 failed or refused, 1 skipped');
    expect(page).not.toContain('data-card="saved"');
    expect(page).toContain('nothing applied; spent $0.0060');
  });
});
