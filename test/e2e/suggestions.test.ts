import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
beforeAll(async () => {
  repo = await gitFixture({ 'README.md': '# x\n' });
});
afterAll(async () => {
  await repo.cleanup();
});

describe('mistyped commands and options', () => {
  it.each([
    [['pln', 'add a thing'], "tandem: unknown command 'pln'", 'Did you mean "tandem plan"?'],
    [['aply', '--last'], "tandem: unknown command 'aply'", 'Did you mean "tandem apply"?'],
    [['stauts'], "tandem: unknown command 'stauts'", 'Did you mean "tandem stats"?'],
    [['--alow-dirty'], "tandem: unknown option '--alow-dirty'", 'Did you mean --allow-dirty?'],
    [['apply', '--lst'], "error: unknown option '--lst'", '(Did you mean --last?)'],
  ])('%j exits 2 with a suggestion and opens no session', async (args, error, suggestion) => {
    const result = await runCli(args, { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(error);
    expect(result.stderr).toContain(suggestion);
  });
});
