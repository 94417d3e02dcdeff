import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import type { FakeGateway } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 'Touch the note.', steps: [{ title: 'Edit note', file: 'src/note.ts', action: 'edit', instructions: 'Add a comment.', depends_on: [] }] };

const { repo, startGateway } = useRepoAndGateway({
  'src/note.ts': 'export const note = 1;\n',
  'src/deep/nope.ts': 'export const deep = 1;\n',
  '.gitignore': 'build/\n',
  '.tandemignore': 'private/\n',
  'private/plan.md': 'internal roadmap\n',
});
let gateway: FakeGateway;
const env = () => cliEnv(gateway);

beforeEach(async () => {
  await writeFile(join(repo.root, '.env'), 'API_KEY=sk-live-123456\n');
  await writeFile(join(repo.root, 'build.log'), 'x\n');
  await repo.git('add', 'build.log');
  await repo.git('commit', '-q', '-m', 'add build.log');
  await writeFile(join(repo.root, '.gitignore'), 'build/\nbuild.log\n');
  await repo.git('commit', '-q', '-am', 'ignore build.log');
  gateway = await startGateway({ routes: [{ replies: () => ({ text: JSON.stringify(PLAN), promptTokens: 100, completionTokens: 20 }) }] });
});

describe('--file checks before any call', () => {
  it('refuses a missing file with exit 2 and the nearest tracked paths, for plan and run, with no gateway request', async () => {
    const plan = await runCli(['plan', 'touch it', '--file', 'src/nope.ts'], { cwd: repo.root, env: env() });
    expect(plan.exitCode).toBe(2);
    expect(plan.stderr).toContain('tandem: --file src/nope.ts: no such file in the repository');
    expect(plan.stderr).toContain('did you mean src/deep/nope.ts, src/note.ts?');

    const run = await runCli(['run', 'touch it', '--yes', '--file', 'src/notes.ts'], { cwd: repo.root, env: env() });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('did you mean src/note.ts?');
    expect(gateway.requests).toHaveLength(0);
  });

  it('names why a file is withheld: secret pattern, .gitignore, .tandemignore', async () => {
    const cases: Array<[string, string]> = [
      ['.env', '--file .env is withheld: a secret file (keys, credentials, .env); tandem never sends it to a model'],
      ['build.log', '--file build.log is withheld: matched by .gitignore'],
      ['private/plan.md', '--file private/plan.md is withheld: matched by .tandemignore'],
    ];
    for (const [file, message] of cases) {
      const result = await runCli(['plan', 'touch it', '--file', file], { cwd: repo.root, env: env() });
      expect(result.exitCode, file).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('--allow-withheld-skip');
    }
    const run = await runCli(['run', 'touch it', '--yes', '--file', 'src/note.ts', '--file', '.env'], { cwd: repo.root, env: env() });
    expect(run.exitCode).toBe(2);
    expect(gateway.requests).toHaveLength(0);
  });

  it('with --allow-withheld-skip warns, leaves the file out and plans with the rest', async () => {
    const result = await runCli(['plan', 'touch it', '--file', '.env', '--file', 'src/note.ts', '--allow-withheld-skip', '--json'], { cwd: repo.root, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('warning: --file .env is withheld: a secret file (keys, credentials, .env); going on without it');
    const chats = gateway.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(chats).toHaveLength(1);
    const sent = JSON.stringify(chats[0].body?.messages);
    expect(sent).toContain('--- src/note.ts');
    expect(sent).not.toContain('sk-live-123456');
    expect(sent).not.toContain('--- .env');
  });

  it('reads a path from the directory tandem runs in when only that exists', async () => {
    const result = await runCli(['plan', 'touch it', '--file', 'note.ts', '--json', '-C', 'src'], { cwd: repo.root, env: env() });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.stringify(gateway.requests[0].body?.messages)).toContain('--- src/note.ts');
  });
});
