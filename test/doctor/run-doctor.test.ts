import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import type { CheckResult } from '../../src/doctor/types.js';
import { matchModel, startFakeGateway, type FakeGatewayOptions } from '../helpers/fake-gateway.js';
import { useGateways } from '../helpers/repo-gateway.js';
import { useTempDir } from '../helpers/temp-dir.js';

let dir: string;
const gateway = useGateways();
useTempDir('tandem-doctor-', (path) => (dir = path));

async function doctor(config: unknown, env: Record<string, string> = {}) {
  await writeFile(join(dir, 'tandem.config.json'), JSON.stringify(config));
  return runDoctor({ root: dir, env: { HOME: dir, ...env }, timeoutMs: 2000 });
}

const brief = (checks: CheckResult[]) => checks.map((c) => [c.id, c.status]);
const find = (checks: CheckResult[], id: string) => checks.find((c) => c.id === id)!;

/** The blog setup against a fake FastRouter: architect unpinned, editor pinned to the custom host slug. */
const fastrouter = (url: string) => ({
  gateway: { baseURL: url, apiKeyEnv: 'FASTROUTER_API_KEY', name: 'FastRouter' },
  architect: { model: 'anthropic/claude-sonnet-4' },
  editor: { model: 'auto_tandem_router', provider: { only: ['_tandem_local_router'] }, local: true, contextWindow: 8192 },
});

describe('tandem doctor against a fake gateway', () => {
  test('all pass: key, gateway, both models, a one-token editor call answered by the pinned provider', async () => {
    const g = await gateway({
      models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'],
      routes: [{ match: matchModel('auto_tandem_router'), replies: [{ text: 'OK', provider: '_tandem_local_router' }] }],
    });
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'fr-key' });
    expect(brief(report.checks)).toEqual([
      ['config', 'pass'],
      ['key', 'pass'],
      ['reach', 'pass'],
      ['model', 'pass'],
      ['model', 'pass'],
      ['editor-call', 'pass'],
      ['editor-pin', 'pass'],
    ]);
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
    expect(find(report.checks, 'key')).toEqual({ id: 'key', title: 'key FASTROUTER_API_KEY', status: 'pass', detail: 'set, used by the architect and editor' });
    expect(find(report.checks, 'editor-pin').detail).toBe('answered by _tandem_local_router, as pinned');
    const chat = g.requests.find((r) => r.path === '/v1/chat/completions')!;
    expect(chat.body).toMatchObject({ model: 'auto_tandem_router', max_tokens: 1, provider: { only: ['_tandem_local_router'] }, stream: true });
    expect(chat.headers.authorization).toBe('Bearer fr-key');
    expect(g.requests.find((r) => r.path === '/v1/models')?.headers.authorization).toBe('Bearer fr-key');
  });

  test('a missing key fails, naming the variable, and the editor call is not tried', async () => {
    const g = await gateway({ models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'] });
    const report = await doctor(fastrouter(g.url));
    expect(find(report.checks, 'key')).toEqual({
      id: 'key',
      title: 'key FASTROUTER_API_KEY',
      status: 'fail',
      detail: 'FASTROUTER_API_KEY is not set (nor TANDEM_API_KEY); the architect and editor need it for FastRouter',
      fix: 'export FASTROUTER_API_KEY=<your FastRouter key> (keys never go in tandem.config.json)',
    });
    expect(find(report.checks, 'editor-call')).toMatchObject({ status: 'skip', detail: 'not tried: no key in FASTROUTER_API_KEY' });
    expect(report).toMatchObject({ ok: false, exitCode: 1 });
    expect(g.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
  });

  test('an unreachable gateway fails with what to do, and the checks that need it are skipped', async () => {
    const g = await startFakeGateway();
    await g.close();
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'k' });
    expect(brief(report.checks)).toEqual([
      ['config', 'pass'],
      ['key', 'pass'],
      ['reach', 'fail'],
      ['model', 'skip'],
      ['model', 'skip'],
      ['editor-call', 'skip'],
    ]);
    expect(find(report.checks, 'reach')).toMatchObject({ title: 'FastRouter reachable', detail: `cannot reach ${g.url}: ECONNREFUSED` });
    // The URL is on this machine: no tunnel or network advice, and the fix names the key that set it.
    expect(find(report.checks, 'reach').fix).toBe(`start the server that should answer at ${g.url}, or fix gateway.baseURL in tandem.config.json`);
    expect(report.exitCode).toBe(1);
  });

  test('a custom model the gateway does not list is a warning, not a failure', async () => {
    const g = await gateway({ models: ['anthropic/claude-sonnet-4'], routes: [{ replies: [{ text: 'OK' }] }] });
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'k' });
    const models = report.checks.filter((c) => c.id === 'model');
    expect(models.map((c) => [c.title, c.status])).toEqual([
      ['architect model anthropic/claude-sonnet-4', 'pass'],
      ['editor model auto_tandem_router', 'warn'],
    ]);
    expect(models[1].detail).toBe("not in FastRouter's /models (gateways often leave custom and BYOK models out)");
    // The gateway named no provider: the pin was sent, and doctor says it cannot tell more.
    expect(find(report.checks, 'editor-pin').detail).toBe('sent provider.only [_tandem_local_router]; FastRouter does not say which provider answered');
    expect(report).toMatchObject({ ok: true, exitCode: 0 });
  });

  test('an editor answered by another provider than the pin fails', async () => {
    const g = await gateway({ models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'], routes: [{ replies: [{ text: 'OK', provider: 'DeepInfra' }] }] });
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'k' });
    expect(find(report.checks, 'editor-pin')).toMatchObject({
      status: 'fail',
      detail: 'answered by DeepInfra, not by the pinned _tandem_local_router: editor calls are not reaching your host',
    });
    expect(find(report.checks, 'editor-pin').fix).toContain('"allow_fallbacks": false');
    expect(report.exitCode).toBe(1);
  });

  test('a pin matches the provider name whatever its case and punctuation', async () => {
    const g = await gateway({ routes: [{ replies: [{ text: 'OK', provider: 'DeepInfra' }] }] });
    const config = { ...fastrouter(g.url), editor: { model: 'qwen/qwen-2.5-coder-32b-instruct', provider: { only: ['deep-infra'] } } };
    expect(find((await doctor(config, { FASTROUTER_API_KEY: 'k' })).checks, 'editor-pin').status).toBe('pass');
  });

  test('a failing editor call fails with the gateway error and its advice', async () => {
    const g = await gateway({ models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'], routes: [{ replies: [{ status: 402, error: 'insufficient credits' }] }] });
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'k' });
    expect(find(report.checks, 'editor-call')).toEqual({
      id: 'editor-call',
      title: 'editor call (auto_tandem_router)',
      status: 'fail',
      detail: 'editor call to FastRouter failed: 402 insufficient credits (model auto_tandem_router). Add credits to the account or use a cheaper model.',
      fix: 'Add credits to the account or use a cheaper model.',
    });
    expect(report.checks.some((c) => c.id === 'editor-pin')).toBe(false);
  });

  test('a key the gateway refuses fails the model checks and the editor call', async () => {
    const g = await gateway({ apiKey: 'right', models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'] });
    const report = await doctor(fastrouter(g.url), { FASTROUTER_API_KEY: 'wrong' });
    expect(report.checks.filter((c) => c.id === 'model').map((c) => [c.status, c.detail, c.fix])).toEqual([
      ['fail', 'FastRouter refused the key (HTTP 401)', 'check the key in FASTROUTER_API_KEY'],
      ['fail', 'FastRouter refused the key (HTTP 401)', 'check the key in FASTROUTER_API_KEY'],
    ]);
    expect(find(report.checks, 'editor-call')).toMatchObject({ status: 'fail', fix: 'Check the API key in FASTROUTER_API_KEY.' });
  });

  test('a gateway that does not serve /models only warns', async () => {
    const g = await gateway({ routes: [{ replies: [{ text: 'OK' }] }] });
    const report = await doctor(fastrouter(g.url.replace(/\/v1$/, '/nope')), { FASTROUTER_API_KEY: 'k' });
    expect(report.checks.filter((c) => c.id === 'model').map((c) => [c.status, c.detail])).toEqual([
      ['warn', 'FastRouter does not list models (HTTP 404 from /models)'],
      ['warn', 'FastRouter does not list models (HTTP 404 from /models)'],
    ]);
  });

  test('an invalid config is the only check, and exit 2', async () => {
    const report = await doctor({ editor: { contextWindow: 'big' } });
    expect(report).toEqual({
      ok: false,
      exitCode: 2,
      checks: [
        {
          id: 'config',
          title: 'config',
          status: 'fail',
          detail: `invalid config in ${join(dir, 'tandem.config.json')}: editor.contextWindow: expected number`,
          fix: 'fix the key named above (see docs/configuration.md)',
        },
      ],
    });
  });
});

describe('tandem doctor with the editor straight on Ollama', () => {
  /** Architect on a fake cloud endpoint, editor on a fake Ollama (it answers /api/version and /api/show). */
  async function direct(ollama: FakeGatewayOptions['ollama'], contextWindow?: number, models = ['qwen2.5-coder:7b']) {
    const cloud = await gateway({ models: ['claude-sonnet-4'] });
    const local = await gateway({ ollama, models, routes: [{ replies: [{ text: 'OK' }] }] });
    const report = await doctor(
      {
        architect: { model: 'claude-sonnet-4', baseURL: cloud.url, apiKeyEnv: 'CLOUD_KEY' },
        editor: { model: 'qwen2.5-coder:7b', baseURL: local.url, local: true, pricing: { input: 0, output: 0 }, ...(contextWindow && { contextWindow }) },
      },
      { CLOUD_KEY: 'c' },
    );
    return { report, local };
  }

  test('num_ctx at least the configured window passes, and the editor sends no key', async () => {
    const { report, local } = await direct({ contextLength: 32768, numCtx: 8192 }, 8192);
    expect(brief(report.checks)).toEqual([
      ['config', 'pass'],
      ['key', 'pass'],
      ['key', 'pass'],
      ['reach', 'pass'],
      ['reach', 'pass'],
      ['model', 'pass'],
      ['model', 'pass'],
      ['editor-call', 'pass'],
      ['ollama-context', 'pass'],
    ]);
    expect(report.checks[2].detail).toBe(`none needed by the editor (${local.url} takes no key)`);
    expect(find(report.checks, 'ollama-context').detail).toBe('num_ctx 8192 covers editor.contextWindow 8192');
    expect(local.requests.find((r) => r.path === '/api/show')?.body).toEqual({ model: 'qwen2.5-coder:7b' });
    expect(report.exitCode).toBe(0);
  });

  test('num_ctx below the configured window fails with both fixes', async () => {
    const { report } = await direct({ contextLength: 32768, numCtx: 4096 }, 8192);
    expect(find(report.checks, 'ollama-context')).toEqual({
      id: 'ollama-context',
      title: 'editor context window',
      status: 'fail',
      detail: 'Ollama runs qwen2.5-coder:7b with num_ctx 4096, less than editor.contextWindow 8192: longer prompts are cut silently',
      fix: 'set editor.contextWindow to 4096, or give the model PARAMETER num_ctx 8192 in a Modelfile (ollama create)',
    });
    expect(report.exitCode).toBe(1);
  });

  test("without num_ctx a window above Ollama's default is a warning naming OLLAMA_CONTEXT_LENGTH", async () => {
    const { report } = await direct({ contextLength: 32768, numCtx: null }, 8192);
    expect(find(report.checks, 'ollama-context')).toMatchObject({ status: 'warn', fix: 'start Ollama with OLLAMA_CONTEXT_LENGTH=8192, or set editor.contextWindow to 4096' });
    expect(report.exitCode).toBe(0);
  });

  test('a model that is not pulled fails with the pull command', async () => {
    const { report } = await direct({ contextLength: 32768, models: ['llama3'] }, 8192, ['llama3']);
    const editorModel = report.checks.filter((c) => c.id === 'model')[1];
    expect(editorModel).toEqual({ id: 'model', title: 'editor model qwen2.5-coder:7b', status: 'fail', detail: 'not pulled on this Ollama', fix: 'ollama pull qwen2.5-coder:7b' });
    expect(find(report.checks, 'ollama-context')).toMatchObject({ status: 'fail', fix: 'ollama pull qwen2.5-coder:7b' });
  });

  test('fixes name where the value really came from: the flag, the variable, or the file', async () => {
    const g = await startFakeGateway();
    await g.close();
    const viaFlag = await runDoctor({ root: dir, env: { HOME: dir, TANDEM_API_KEY: 'k' }, flags: { gateway: { baseURL: g.url } }, timeoutMs: 2000 });
    expect(find(viaFlag.checks, 'reach').fix).toBe(`start the server that should answer at ${g.url}, or fix the --base-url flag`);
    const viaEnv = await runDoctor({ root: dir, env: { HOME: dir, TANDEM_API_KEY: 'k', TANDEM_BASE_URL: g.url }, timeoutMs: 2000 });
    expect(find(viaEnv.checks, 'reach').fix).toBe(`start the server that should answer at ${g.url}, or fix TANDEM_BASE_URL`);
    const direct = await doctor({ editor: { baseURL: g.url, model: 'qwen' } }, { TANDEM_API_KEY: 'k' });
    expect(direct.checks.filter((c) => c.id === 'reach').map((c) => c.fix)).toContain(`start the server that should answer at ${g.url}, or fix editor.baseURL in tandem.config.json`);
  });

  test('with no configuration at all, the config line warns and points at tandem init', async () => {
    const report = await runDoctor({ root: dir, env: { HOME: dir }, timeoutMs: 500 });
    expect(find(report.checks, 'config')).toEqual({
      id: 'config',
      title: 'config',
      status: 'warn',
      detail: 'no tandem.config.json, user config, TANDEM_* variable or flag: built-in defaults (FastRouter)',
      fix: 'run tandem init to write tandem.config.json for your gateway',
    });
  });
});
