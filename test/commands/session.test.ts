import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSessionServices } from '../../src/commands/session-services.js';
import { sessionCommand } from '../../src/commands/session.js';
import { loadConfig } from '../../src/config/load.js';
import { ExitCode, TandemError } from '../../src/errors.js';
import type { PipelineEvent } from '../../src/pipeline/events.js';
import { approveAll } from '../../src/pipeline/run.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const { repo, startGateway } = useRepoAndGateway({ 'src/math.ts': 'export const one = 1;\n' });

describe('without a terminal', () => {
  it('refuses at once with exit 2 and a usage line, before looking for a repository', async () => {
    const error = await sessionCommand({ concurrency: 1, cwd: '/nonexistent-dir' }, { stdin: { isTTY: false }, stdout: { isTTY: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).exitCode).toBe(ExitCode.usage);
    expect((error as TandemError).message).toBe('the interactive session needs a terminal');
    await expect(sessionCommand({ concurrency: 1 }, { stdin: { isTTY: true }, stdout: {} })).rejects.toMatchObject({ exitCode: 2 });
  });

  it.each([[[]], [['session']]])('`tandem %j` exits 2 without waiting', async (args) => {
    const started = Date.now();
    const result = await runCli(args, { cwd: repo.root, timeoutMs: 20_000 });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('tandem: the interactive session needs a terminal\n  usage: tandem [session] in a terminal; in scripts use tandem run "<task>" --yes (or --ci)');
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('names a mistyped command instead of opening the session', async () => {
    const result = await runCli(['stauts'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("tandem: unknown command 'stauts'");
  });
});

const plan = (file: string, title: string) => JSON.stringify({ summary: title, steps: [{ title, file, action: 'create', instructions: `Create ${file}.`, depends_on: [] }] });
const whole = (text: string) => ({ text: `\`\`\`ts\n${text}\`\`\`\n`, promptTokens: 50, completionTokens: 10, provider: '_tandem_local_router' });

async function drain(events: AsyncIterable<PipelineEvent>): Promise<PipelineEvent[]> {
  const all: PipelineEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('session services', () => {
  it('runs the first task on a new branch and the next on that same branch; log, stats and config read the session', async () => {
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [{ text: plan('src/a.ts', 'Create a'), promptTokens: 100, completionTokens: 20 }, { text: plan('src/b.ts', 'Create b'), promptTokens: 100, completionTokens: 20 }] },
        { match: matchProviderPinned(), replies: [whole('export const a = 1;\n'), whole('export const b = 2;\n')] },
      ],
    });
    const workspace = await openWorkspace(repo.root);
    const config = await loadConfig({ root: repo.root, env: cliEnv(gateway) });
    const services = await createSessionServices(workspace, config, { concurrency: 1 });
    expect(services.info).toEqual({ root: repo.root, branch: 'main', architectModel: config.architect.model, editorModel: 'auto_tandem_router', editorProvider: '_tandem_local_router' });

    const first = await drain(services.runTask('create a', approveAll, new AbortController().signal));
    const branch = first.find((event) => event.type === 'apply-start');
    expect(branch?.type === 'apply-start' && branch.branch).toMatch(/^tandem\/create-a/);
    const second = await drain(services.runTask('create b', approveAll, new AbortController().signal));
    expect(second.find((event) => event.type === 'apply-start')).toMatchObject({ branch: branch?.type === 'apply-start' ? branch.branch : '' });
    expect(second.at(-1)).toMatchObject({ type: 'done', exitCode: 0 });

    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe(branch?.type === 'apply-start' ? branch.branch : '');
    expect(await repo.git('log', '--format=%s', 'main..HEAD')).toBe('tandem: Create b\ntandem: Create a');
    expect(await readFile(join(repo.root, 'src/b.ts'), 'utf8')).toBe('export const b = 2;\n');

    expect((await services.log(2, 120)).split('\n')).toHaveLength(3);
    expect(await services.stats(120)).toMatch(/^total\s+4\s+0\s+300 \/ 60/m);
    expect(services.config()).toContain('architect.apiKey: (hidden, from $FASTROUTER_API_KEY or $TANDEM_API_KEY)');
    expect(services.config()).not.toContain(': k\n');

    expect(await services.undo()).toMatch(/^Undid plan create-b\S* on tandem\/create-a\S*: 1 commit reverted\./);
    const createA = await repo.git('rev-parse', 'HEAD~2');
    const revert = await services.revertStep(createA);
    expect(revert).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await repo.git('log', '-1', '--format=%s')).toBe('Revert "tandem: Create a"');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('reverts a step and undoes a run only while no other tandem holds the repository, and leaves the lock free after', async () => {
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [{ text: plan('src/a.ts', 'Create a') }] },
        { match: matchProviderPinned(), replies: [whole('export const a = 1;\n')] },
      ],
    });
    const workspace = await openWorkspace(repo.root);
    const config = await loadConfig({ root: repo.root, env: cliEnv(gateway) });
    const services = await createSessionServices(workspace, config, { concurrency: 1 });
    await drain(services.runTask('create a', approveAll, new AbortController().signal));
    const head = await repo.git('rev-parse', 'HEAD');
    // Another live process (this test's parent, never this one) holds the lock.
    const other = { pid: process.ppid, command: 'run --ci', startedAt: new Date().toISOString(), host: hostname() };
    await writeFile(join(repo.root, '.tandem/lock'), `${JSON.stringify(other)}\n`);
    await expect(services.revertStep(head)).rejects.toThrow(`another tandem is working in this repository: pid ${process.ppid} (tandem run --ci`);
    await expect(services.undo()).rejects.toMatchObject({ exitCode: ExitCode.usage });
    expect(await repo.git('rev-parse', 'HEAD')).toBe(head);
    await rm(join(repo.root, '.tandem/lock'));
    await services.revertStep(head);
    expect(await repo.git('log', '-1', '--format=%s')).toBe('Revert "tandem: Create a"');
    expect(existsSync(join(repo.root, '.tandem/lock'))).toBe(false);
  });
});
