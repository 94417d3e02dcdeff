import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 'Say goodbye.', steps: [{ title: 'Add bye', file: 'src/hi.ts', action: 'edit', instructions: 'Add bye().', depends_on: [] }] };
const EDIT = "src/hi.ts\n<<<<<<< SEARCH\nexport const hi = 'hi';\n=======\nexport const hi = 'hi';\nexport const bye = 'bye';\n>>>>>>> REPLACE\n";

const { repo, startGateway } = useRepoAndGateway({ 'src/hi.ts': "export const hi = 'hi';\n" });
let gateway: FakeGateway;

beforeEach(async () => {
  await repo.git('switch', '-q', '-c', 'develop');
  gateway = await startGateway({
    routes: [
      { match: matchNotPinned(), replies: () => ({ text: JSON.stringify(PLAN), promptTokens: 100, completionTokens: 20 }) },
      { match: matchProviderPinned(), replies: () => ({ text: EDIT, promptTokens: 50, completionTokens: 10 }) },
    ],
  });
});

describe('after a run', () => {
  it('prints the next steps against the real base branch, and undo finds the run once you are back', async () => {
    const env = cliEnv(gateway);
    const run = await runCli(['run', 'say goodbye', '--yes'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
    const branch = await repo.git('rev-parse', '--abbrev-ref', 'HEAD');
    expect(branch).toMatch(/^tandem\/say-goodbye-[0-9a-f]{4}$/);
    expect(run.stdout).toContain(`Next:\n  review   git diff develop...${branch}\n  merge    git switch develop && git merge ${branch}\n  go back  git switch -`);
    expect(run.stdout).toContain('  undo     tandem undo');
    expect(await repo.git('diff', '--stat', `develop...${branch}`)).toContain('src/hi.ts');

    await repo.git('switch', '-q', '-');
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('develop');
    const undo = await runCli(['undo', '--yes'], { cwd: repo.root });
    expect(undo.exitCode, undo.stderr).toBe(0);
    expect(undo.stdout).toContain(`on ${branch} (the last run's branch; you are on develop and stay there)`);
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('develop');
    expect(await repo.git('show', `${branch}:src/hi.ts`)).toBe("export const hi = 'hi';");
    expect(await readFile(join(repo.root, 'src/hi.ts'), 'utf8')).toBe("export const hi = 'hi';\n");

    const json = await runCli(['run', 'say goodbye again', '--yes', '--json'], { cwd: repo.root, env });
    expect(json.exitCode, json.stderr).toBe(0);
    expect(json.stdout).not.toContain('Next:');
  });
});
