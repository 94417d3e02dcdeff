import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 'Add sub.', steps: [{ title: 'Add sub', file: 'src/math.ts', action: 'edit', instructions: 'Add sub(a, b) below add.', depends_on: [] }] };
const EDIT = 'src/math.ts\n<<<<<<< SEARCH\nexport const add = (a: number, b: number) => a + b;\n=======\nexport const add = (a: number, b: number) => a + b;\nexport const sub = (a: number, b: number) => a - b;\n>>>>>>> REPLACE\n';
const ARCHITECT_MS = 1_500;

const { repo, startGateway } = useRepoAndGateway({ 'src/math.ts': 'export const add = (a: number, b: number) => a + b;\n' });

const activity = async () => (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

describe('editor warm-up', () => {
  it('reaches a local editor through the gateway while a slow architect call is in flight, and stays out of the step rows', async () => {
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [{ text: JSON.stringify(PLAN), provider: 'anthropic', delayMs: ARCHITECT_MS }] },
        { match: matchProviderPinned(), replies: [{ text: EDIT, promptTokens: 400, completionTokens: 90 }] },
      ],
      warmUp: { text: 'OK', promptTokens: 12, completionTokens: 1 },
    });
    const result = await runCli(['run', 'add sub', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(result.exitCode).toBe(0);

    const architect = gateway.requests.find((r) => !r.body?.provider)!;
    const warm = gateway.warmUps;
    expect(warm).toHaveLength(1);
    expect(warm[0]).toMatchObject({ path: '/v1/chat/completions', headers: expect.objectContaining({ 'x-tandem-call-kind': 'warm-up' }) });
    expect(warm[0].body).toMatchObject({ max_tokens: 1, provider: { only: ['_tandem_local_router'] } });
    // It arrived while the architect's call was still being answered, before the step's call.
    expect(warm[0].time).toBeLessThan(architect.time + ARCHITECT_MS);
    const step = gateway.requests.find((r) => r.body?.provider)!;
    expect(warm[0].time).toBeLessThanOrEqual(step.time);

    const report = JSON.parse(result.stdout);
    expect(report.steps).toHaveLength(1);
    expect(report.steps[0]).toMatchObject({ status: 'applied', promptTokens: 400, completionTokens: 90, attempts: 1 });
    const records = await activity();
    expect(records.filter((r) => r.kind === 'warm-up')).toEqual([expect.objectContaining({ role: 'editor', step: null, promptTokens: 12, completionTokens: 1, status: 'ok' })]);
    expect(records.filter((r) => r.role === 'editor' && r.kind === undefined)).toHaveLength(1);
  });

  it("uses Ollama's native load with keep_alive when the editor is an Ollama host", async () => {
    const gateway = await startGateway({
      ollama: { contextLength: 32768 },
      routes: [
        { match: (req) => req.body?.model === 'anthropic/claude-sonnet-4', replies: [{ text: JSON.stringify(PLAN), delayMs: ARCHITECT_MS }] },
        { replies: [{ text: EDIT }] },
      ],
    });
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify({ editor: { model: 'qwen2.5-coder:7b', baseURL: gateway.url, local: true } }));
    await repo.git('add', '-A');
    await repo.git('commit', '-qm', 'config');
    const result = await runCli(['run', 'add sub', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(result.exitCode).toBe(0);
    const architect = gateway.requests.find((r) => r.body?.model === 'anthropic/claude-sonnet-4')!;
    const load = gateway.warmUps.filter((r) => r.path === '/api/generate');
    expect(gateway.warmUps).toHaveLength(1);
    expect(load.map((r) => r.body)).toEqual([{ model: 'qwen2.5-coder:7b', keep_alive: '30m' }]);
    expect(load[0].time).toBeLessThan(architect.time + ARCHITECT_MS);
    expect(gateway.requests.filter((r) => r.path === '/v1/chat/completions' && r.body?.model === 'qwen2.5-coder:7b')).toHaveLength(1);
    const records = await activity();
    expect(records.filter((r) => r.kind === 'warm-up')).toEqual([expect.objectContaining({ role: 'editor', model: 'qwen2.5-coder:7b', costUsd: 0, status: 'ok' })]);
    expect(JSON.parse(result.stdout).steps).toHaveLength(1);
  });
});
