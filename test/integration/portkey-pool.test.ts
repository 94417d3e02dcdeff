import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { runCli } from '../helpers/cli.js';
import { startFakeGateway, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';
import { portkeyEntry, startPortkey } from '../helpers/portkey.js';

const entry = portkeyEntry();
if (!entry) console.warn('Skipping the Portkey pool test: @portkey-ai/gateway cannot be loaded (run npm install to get the devDependency).');

const FILES = Array.from({ length: 8 }, (_, i) => `src/part${i + 1}.ts`);
const PLAN = {
  summary: 'Eight independent modules.',
  steps: FILES.map((file, i) => ({ title: `Create part ${i + 1}`, file, action: 'create', instructions: `Export part${i + 1}().`, depends_on: [] })),
};

/** Each editor host answers with the whole new file the prompt asks for, a little slowly, so the steps overlap. */
function editorHost(): (req: { body: { messages?: Array<{ content: unknown }> } | null }) => ScriptedReply {
  return (req) => {
    const prompt = (req.body?.messages ?? []).map((m) => String(m.content)).join('\n');
    const n = FILES.findIndex((file) => prompt.includes(file)) + 1;
    return { text: `\`\`\`ts\nexport function part${n}(): number {\n  return ${n};\n}\n\`\`\`\n`, chunks: 3, delayMs: 150, promptTokens: 300, completionTokens: 40 };
  };
}

describe.skipIf(!entry)('an editor pool behind Portkey loadbalance', () => {
  let portkey: { url: string; child: ChildProcess };
  let cloud: FakeGateway;
  let hostA: FakeGateway;
  let hostB: FakeGateway;
  let repo: GitFixture;

  beforeAll(async () => {
    cloud = await startFakeGateway({ routes: [{ replies: [{ text: JSON.stringify(PLAN), promptTokens: 900, completionTokens: 300 }] }] });
    hostA = await startFakeGateway({ routes: [{ replies: editorHost() }] });
    hostB = await startFakeGateway({ routes: [{ replies: editorHost() }] });
    portkey = await startPortkey(entry!, { alternate: true });
    repo = await gitFixture({ 'README.md': '# parts\n' });
    const config = presetConfig('portkey', { baseURL: portkey.url });
    config.gateway = { ...config.gateway, retries: 0 };
    config.architect = { ...config.architect, headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': cloud.url } };
    const target = (url: string) => ({ provider: 'openai', api_key: 'ollama', custom_host: url, weight: 1 });
    const pool = { strategy: { mode: 'loadbalance' }, targets: [target(hostA.url), target(hostB.url)] };
    config.editor = { ...config.editor, headers: { 'x-portkey-config': JSON.stringify(pool) } };
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify(config, null, 2));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'tandem config: editor pool behind Portkey');
  });
  afterAll(async () => {
    portkey?.child.kill();
    await Promise.all([cloud?.close(), hostA?.close(), hostB?.close(), repo?.cleanup()]);
  });

  test('eight independent steps at --concurrency 8 are served by both hosts, and each step says which', async () => {
    const env = { ANTHROPIC_API_KEY: 'sk-ant-test' };
    const plan = await runCli(['plan', 'eight parts', '--json'], { cwd: repo.root, env });
    expect(plan.exitCode, plan.stderr).toBe(0);
    const apply = await runCli(['apply', '--last', '--concurrency', '8', '--json'], { cwd: repo.root, env });
    expect(apply.exitCode, apply.stderr).toBe(0);
    const report = JSON.parse(apply.stdout) as { steps: Array<{ status: string; upstream?: string }> };
    expect(report.steps.map((s) => s.status)).toEqual(Array(8).fill('applied'));

    const servedA = hostA.requests.filter((r) => r.path === '/v1/chat/completions').length;
    const servedB = hostB.requests.filter((r) => r.path === '/v1/chat/completions').length;
    expect([servedA, servedB]).toEqual([4, 4]);
    const upstreams = report.steps.map((s) => s.upstream);
    expect(new Set(upstreams)).toEqual(new Set([hostA.url, hostB.url]));
    expect(upstreams.filter((u) => u === hostA.url)).toHaveLength(servedA);
    for (const [i, file] of FILES.entries()) expect(await readFile(join(repo.root, file), 'utf8')).toBe(`export function part${i + 1}(): number {\n  return ${i + 1};\n}\n`);

    const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    const editorCalls = log.filter((r) => r.role === 'editor');
    expect(editorCalls.map((r) => r.upstream).sort()).toEqual([...Array(4).fill(hostA.url), ...Array(4).fill(hostB.url)].sort());
    expect(new Set(log.map((r) => r.id)).size).toBe(log.length);

    const stats = await runCli(['stats', '--by', 'upstream', '--json'], { cwd: repo.root, env });
    expect(stats.exitCode, stats.stderr).toBe(0);
    const groups = (JSON.parse(stats.stdout) as { groups: Array<{ upstream: string; calls: number; failures: number }> }).groups;
    const byHost = Object.fromEntries(groups.map((g) => [g.upstream, [g.calls, g.failures]]));
    expect(byHost[hostA.url]).toEqual([4, 0]);
    expect(byHost[hostB.url]).toEqual([4, 0]);
    const table = await runCli(['stats', '--by', 'upstream'], { cwd: repo.root, env });
    expect(table.stdout).toMatch(/Upstream\s+Calls\s+Failed/);
  });

  test('doctor calls each pool member through Portkey on its own, and a broken member fails on its own line', async () => {
    const broken = await startFakeGateway({ models: ['qwen2.5-coder:7b-instruct'], routes: [{ replies: () => ({ status: 500, error: 'model crashed' }) }] });
    try {
      const config = JSON.parse(await readFile(join(repo.root, 'tandem.config.json'), 'utf8'));
      const target = (url: string) => ({ provider: 'openai', api_key: 'ollama', custom_host: url, weight: 1 });
      config.editor.headers['x-portkey-config'] = JSON.stringify({ strategy: { mode: 'loadbalance' }, targets: [target(hostA.url), target(broken.url)] });
      config.editor.pool = [hostA.url, broken.url];
      const dir = await mkdtemp(join(tmpdir(), 'tandem-pool-doctor-'));
      await writeFile(join(dir, 'tandem.config.json'), JSON.stringify(config));
      const before = hostA.requests.length;
      const result = await runCli(['doctor', '--json'], { cwd: dir, env: { ANTHROPIC_API_KEY: 'sk-ant-test' } });
      const members = (JSON.parse(result.stdout) as { checks: Array<{ id: string; status: string; detail: string }> }).checks.filter((c) => c.id === 'editor-pool');
      expect(members.map((c) => c.status)).toEqual(['pass', 'fail']);
      expect(members[0].detail).toMatch(/^answered in \d+\.\d s, served by targets\[0\]$/);
      expect(members[1].detail).toContain('model crashed');
      expect(broken.requests.filter((r) => r.path === '/v1/chat/completions').length).toBeGreaterThanOrEqual(1);
      expect(hostA.requests.length).toBeGreaterThan(before);
      expect(result.exitCode).toBe(1);
    } finally {
      await broken.close();
    }
  });
});
