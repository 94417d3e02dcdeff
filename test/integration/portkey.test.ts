import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { presetConfig } from '../../src/config/presets.js';
import { runCli } from '../helpers/cli.js';
import { portkeyEntry, startPortkey } from '../helpers/portkey.js';
import { startFakeGateway, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const require = createRequire(import.meta.url);
const entry = portkeyEntry();
if (!entry) console.warn('Skipping the Portkey integration test: @portkey-ai/gateway cannot be loaded (run npm install to get the devDependency).');

const FILES = { 'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n' };
const PLAN = {
  summary: 'Add subtract and a greeting.',
  steps: [
    { title: 'Add subtract', file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] },
    { title: 'Create greet', file: 'src/greet.ts', action: 'create', instructions: 'Export greet(name).', depends_on: [] },
  ],
};
const MATH_EDIT =
  'src/math.ts\n<<<<<<< SEARCH\n  return a + b;\n}\n=======\n  return a + b;\n}\n\nexport function subtract(a: number, b: number): number {\n  return a - b;\n}\n>>>>>>> REPLACE\n';
const GREET_FILE = '```ts\nexport function greet(name: string): string {\n  return `hello ${name}`;\n}\n```\n';

/** Editor replies by the file the prompt is about, streamed in several chunks like a real model. */
function editorReply(req: { body: { messages?: Array<{ content: unknown }> } | null }): ScriptedReply {
  const prompt = (req.body?.messages ?? []).map((m) => String(m.content)).join('\n');
  const text = prompt.includes('src/greet.ts') ? GREET_FILE : MATH_EDIT;
  return { text, chunks: 4, promptTokens: 500, completionTokens: 100, provider: 'ollama' };
}

describe.skipIf(!entry)('through the open-source Portkey gateway', () => {
  let portkey: { url: string; child: ChildProcess };
  let cloud: FakeGateway;
  let local: FakeGateway;
  let repo: GitFixture;

  beforeAll(async () => {
    const honoPackage = join(dirname(require.resolve('@hono/node-server')), '..', 'package.json');
    const hono = JSON.parse(await readFile(honoPackage, 'utf8')) as { name: string; version: string };
    expect(hono.name).toBe('@hono/node-server');
    // With 1.19.x every streamed call through Portkey fails with HTTP 500 ("TypeError: immutable").
    expect(hono.version, 'package.json overrides must pin @hono/node-server to 1.13.5').toBe('1.13.5');
    cloud = await startFakeGateway({ routes: [{ replies: [{ text: JSON.stringify(PLAN), chunks: 5, promptTokens: 1000, completionTokens: 200, provider: 'anthropic' }] }] });
    local = await startFakeGateway({ routes: [{ replies: editorReply }] });
    portkey = await startPortkey(entry!);
    repo = await gitFixture(FILES);
  });
  afterAll(async () => {
    portkey?.child.kill();
    await Promise.all([cloud?.close(), local?.close(), repo?.cleanup()]);
  });

  test('plan and apply: the architect routed by x-portkey-provider and custom host, the editor by x-portkey-config, both streamed', async () => {
    // The Portkey preset, pointed at the fake upstreams: the architect as an OpenAI-schema host, the editor through a config.
    const config = presetConfig('portkey', { baseURL: portkey.url });
    config.gateway = { ...config.gateway, retries: 0 };
    config.architect = { ...config.architect, headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': cloud.url } };
    const target = { provider: 'openai', api_key: 'ollama', custom_host: local.url };
    config.editor = { ...config.editor, headers: { 'x-portkey-config': JSON.stringify({ strategy: { mode: 'fallback' }, targets: [target] }) } };
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify(config, null, 2));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'tandem config for Portkey');
    const env = { ANTHROPIC_API_KEY: 'sk-ant-test' };

    const plan = await runCli(['plan', 'add subtract and greeting', '--json'], { cwd: repo.root, env });
    expect(plan.exitCode, plan.stderr).toBe(0);
    const planned = JSON.parse(plan.stdout);
    expect(planned.architect).toMatchObject({ model: 'claude-sonnet-4-20250514', provider: 'anthropic', promptTokens: 1000, completionTokens: 200, costUsd: 0.006 });
    // Portkey passes the cache breakpoint on the repository view's text part through to the upstream unchanged.
    const sent = cloud.requests.find((r) => r.path.endsWith('/chat/completions'))?.body?.messages ?? [];
    expect(sent[1]?.content).toEqual([{ type: 'text', text: expect.stringMatching(/^Repository \(/), cache_control: { type: 'ephemeral' } }]);

    const apply = await runCli(['apply', '--last', '--json'], { cwd: repo.root, env });
    expect(apply.exitCode, apply.stderr).toBe(0);
    const report = JSON.parse(apply.stdout);
    expect(report.steps.map((s: { status: string; provider: string; promptTokens: number }) => [s.status, s.provider, s.promptTokens])).toEqual([
      ['applied', 'ollama', 500],
      ['applied', 'ollama', 500],
    ]);
    expect(await readFile(join(repo.root, 'src/math.ts'), 'utf8')).toBe(
      'export function add(a: number, b: number): number {\n  return a + b;\n}\n\nexport function subtract(a: number, b: number): number {\n  return a - b;\n}\n',
    );
    expect(await readFile(join(repo.root, 'src/greet.ts'), 'utf8')).toBe('export function greet(name: string): string {\n  return `hello ${name}`;\n}\n');
    expect(await repo.git('log', '--format=%s', 'main..HEAD')).toBe('tandem: Create greet\ntandem: Add subtract');

    // What reached the upstreams came through Portkey: streamed with usage, with the key each route carries.
    const architectCalls = cloud.requests.filter((r) => r.path === '/v1/chat/completions');
    const editorCalls = local.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(architectCalls).toHaveLength(1);
    expect(editorCalls).toHaveLength(2);
    for (const call of [...architectCalls, ...editorCalls]) expect(call.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(architectCalls[0].headers.authorization).toBe('Bearer sk-ant-test');
    expect(editorCalls.map((r) => r.headers.authorization)).toEqual(['Bearer ollama', 'Bearer ollama']);

    const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(log.map((r) => [r.role, r.model, r.provider, r.promptTokens, r.completionTokens, r.costUsd, r.costSource, r.status])).toEqual([
      ['architect', 'claude-sonnet-4-20250514', 'anthropic', 1000, 200, 0.006, 'pricing', 'ok'],
      ['editor', 'qwen2.5-coder:7b-instruct', 'ollama', 500, 100, 0, 'pricing', 'ok'],
      ['editor', 'qwen2.5-coder:7b-instruct', 'ollama', 500, 100, 0, 'pricing', 'ok'],
    ]);
    expect(log.every((r) => r.planId === planned.plan.id)).toBe(true);
  });
});
