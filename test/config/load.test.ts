import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { TandemError } from '../../src/errors.js';

let home: string;
let repo: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'tandem-home-'));
  repo = await mkdtemp(join(tmpdir(), 'tandem-repo-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(repo, { recursive: true, force: true });
});

const writeUser = async (config: unknown) => {
  await mkdir(join(home, '.config', 'tandem'), { recursive: true });
  await writeFile(join(home, '.config', 'tandem', 'config.json'), JSON.stringify(config));
};
const writeProject = (config: unknown) => writeFile(join(repo, 'tandem.config.json'), JSON.stringify(config));

describe('loadConfig', () => {
  it('turns prompt caching off per role and takes a cache-write price', async () => {
    await writeProject({ architect: { promptCache: false, pricing: { input: 1, output: 2, cachedInput: 0.1, cacheWrite: 1.25 } } });
    const config = await loadConfig({ root: repo, env: { HOME: home } });
    expect(config.architect.promptCache).toBe(false);
    expect(config.architect.pricing).toEqual({ input: 1, output: 2, cachedInput: 0.1, cacheWrite: 1.25 });
    expect(config.editor.promptCache).toBeUndefined();
    await writeProject({ architect: { promptCache: 'no' } });
    await expect(loadConfig({ root: repo, env: { HOME: home } })).rejects.toThrow('architect.promptCache: expected boolean');
  });

  it('resolves the blog setup by default: FastRouter, a priced architect, an editor pinned to the local host', async () => {
    const config = await loadConfig({ root: repo, env: { HOME: home, FASTROUTER_API_KEY: 'k-1' } });
    expect(config.architect).toMatchObject({
      model: 'anthropic/claude-sonnet-4',
      baseURL: 'https://go.fastrouter.ai/api/v1',
      apiKey: 'k-1',
      apiKeyEnv: 'FASTROUTER_API_KEY',
      pricing: { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
      local: false,
      gatewayName: 'FastRouter',
    });
    expect(config.architect.provider).toBeUndefined();
    expect(config.editor).toMatchObject({
      model: 'auto_tandem_router',
      provider: { only: ['_tandem_local_router'] },
      pricing: { input: 0, output: 0 },
      local: true,
      contextWindow: 8192,
      editFormat: 'auto',
      editRetries: 2,
      escalate: true,
    });
  });

  it('reads editor.escalate: false, and refuses a value that is not a boolean', async () => {
    await writeProject({ editor: { escalate: false } });
    expect((await loadConfig({ root: repo, env: { HOME: home } })).editor.escalate).toBe(false);
    await writeProject({ editor: { escalate: 'no' } });
    await expect(loadConfig({ root: repo, env: { HOME: home } })).rejects.toThrow(/editor\.escalate/);
  });

  it('layers user file < project file < environment < flags, later wins', async () => {
    await writeUser({ architect: { model: 'user-model' }, editor: { contextWindow: 4096 }, gateway: { baseURL: 'http://user.example/v1' } });
    await writeProject({ architect: { model: 'project-model', pricing: { input: 1, output: 2 } }, gateway: { baseURL: 'http://project.example/v1' } });
    const config = await loadConfig({
      root: repo,
      env: { HOME: home, TANDEM_BASE_URL: 'http://env.example/v1', TANDEM_EDITOR_PROVIDER: 'a, b' },
      flags: { architect: { model: 'flag-model' } },
    });
    expect(config.architect.model).toBe('flag-model');
    expect(config.architect.pricing).toEqual({ input: 1, output: 2 });
    expect(config.architect.baseURL).toBe('http://env.example/v1');
    expect(config.editor.contextWindow).toBe(4096);
    expect(config.editor.provider).toEqual({ only: ['a', 'b'] });
    expect(config.sources).toEqual(['defaults', join(home, '.config', 'tandem', 'config.json'), join(repo, 'tandem.config.json'), 'environment', 'command-line flags']);
  });

  it('uses TANDEM_API_KEY when the named variable is unset, and reads no key from files', async () => {
    await writeProject({ gateway: { apiKeyEnv: 'MY_KEY' } });
    const config = await loadConfig({ root: repo, env: { HOME: home, TANDEM_API_KEY: 'fallback-key' } });
    expect(config.architect.apiKey).toBe('fallback-key');
    expect(config.architect.apiKeyEnv).toBe('MY_KEY');
  });

  it('direct mode: a role with its own baseURL keeps its own key variable and headers', async () => {
    await writeProject({
      gateway: { headers: { 'X-Title': 'tandem' } },
      editor: { model: 'qwen2.5-coder:7b', baseURL: 'http://localhost:11434/v1', local: true },
    });
    const config = await loadConfig({ root: repo, env: { HOME: home, FASTROUTER_API_KEY: 'k' } });
    expect(config.editor).toMatchObject({ baseURL: 'http://localhost:11434/v1', gatewayName: 'Ollama', headers: {}, pricing: { input: 0, output: 0 } });
    expect(config.editor.apiKeyEnv).toBeUndefined();
    expect(config.editor.provider).toBeUndefined();
    expect(config.architect.headers).toEqual({ 'X-Title': 'tandem' });
  });

  it('leaves an unknown cloud price unknown instead of making up $0', async () => {
    await writeProject({ architect: { model: 'some/unpriced-model' } });
    const config = await loadConfig({ root: repo, env: { HOME: home } });
    expect(config.architect.pricing).toBeUndefined();
  });

  it.each([
    [{ editor: { editFormat: 'xml' } }, 'editor.editFormat: expected one of "auto", "search-replace", "udiff", "whole"'],
    [{ architect: { pricing: { input: 'three', output: 15 } } }, 'architect.pricing.input: expected number'],
    [{ gateway: { baseURL: 'not a url' } }, 'gateway.baseURL: expected a URL'],
    [{ architect: { modle: 'x' } }, 'architect.modle: unknown key'],
    [{ editor: { contextWindow: -5 } }, 'editor.contextWindow:'],
  ])('rejects %j with exit 2 naming the file and the key', async (config, expected) => {
    await writeProject(config);
    const error = await loadConfig({ root: repo, env: { HOME: home } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).exitCode).toBe(2);
    expect((error as TandemError).message).toContain(`invalid config in ${join(repo, 'tandem.config.json')}: ${expected}`);
  });

  it.each([
    ['the project file', { gateway: { baseURL: 'http://user:SECRETPASS@host/v1' } }, {}],
    ['a role', { editor: { baseURL: 'http://ollama:SECRETPASS@localhost:11434/v1' } }, {}],
    ['the environment', {}, { TANDEM_BASE_URL: 'https://SECRETPASS@host/v1' }],
  ])('refuses a base URL with credentials in %s, without repeating them (exit 2)', async (_where, project, env) => {
    await writeProject(project);
    const error = (await loadConfig({ root: repo, env: { HOME: home, ...env } }).catch((e: unknown) => e)) as TandemError;
    expect(error).toBeInstanceOf(TandemError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/baseURL: put credentials in the key variable, not the URL$/);
    expect(error.message).not.toContain('SECRETPASS');
  });

  it('rejects a file that is not JSON', async () => {
    await writeFile(join(repo, 'tandem.config.json'), '{ "architect": ');
    await expect(loadConfig({ root: repo, env: { HOME: home } })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('not valid JSON') });
  });

  it('resolves the fallback role with the gateway settings', async () => {
    await writeProject({ editor: { fallback: { model: 'openai/gpt-4o-mini' } } });
    const config = await loadConfig({ root: repo, env: { HOME: home, FASTROUTER_API_KEY: 'k' } });
    expect(config.fallback).toMatchObject({ role: 'fallback', model: 'openai/gpt-4o-mini', pricing: { input: 0.15, output: 0.6 }, apiKey: 'k', local: false });
  });
});
