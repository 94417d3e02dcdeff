import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { GATEWAY_PRESETS, isGatewayPreset, presetConfig, presetInfo, type GatewayPreset, type PresetChoices } from '../../src/config/presets.js';
import { TandemError } from '../../src/errors.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-presets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Writes the preset as tandem.config.json and resolves it the way every command does. */
async function resolved(name: GatewayPreset, choices: PresetChoices = {}, env: Record<string, string> = {}) {
  await writeFile(join(dir, 'tandem.config.json'), JSON.stringify(presetConfig(name, choices), null, 2));
  return loadConfig({ root: dir, env: { HOME: dir, ...env } });
}

describe('presetConfig', () => {
  test.each(GATEWAY_PRESETS)('%s writes a file the config loader accepts, with the preset models', async (name) => {
    const config = await resolved(name);
    expect(config.sources).toEqual(['defaults', join(dir, 'tandem.config.json'), 'environment']);
    expect(config.architect.model).toBe(presetInfo(name).architectModel);
    expect(config.editor.model).toBe(presetInfo(name).editorModel);
  });

  test('fastrouter: the blog setup, editor pinned to the BYOK custom host slug and priced at $0', async () => {
    const config = await resolved('fastrouter', {}, { FASTROUTER_API_KEY: 'fr-key' });
    expect(config.architect).toMatchObject({ baseURL: 'https://go.fastrouter.ai/api/v1', apiKeyEnv: 'FASTROUTER_API_KEY', apiKey: 'fr-key', pricing: { input: 3, output: 15, cachedInput: 0.3 }, local: false, gatewayName: 'FastRouter' });
    expect(config.editor).toMatchObject({
      model: 'auto_tandem_router',
      provider: { only: ['_tandem_local_router'] },
      apiKey: 'fr-key',
      pricing: { input: 0, output: 0 },
      contextWindow: 8192,
      local: true,
    });
    const custom = await resolved('fastrouter', { providerSlug: '_my_laptop', editorModel: 'qwen_local', architectModel: 'openai/gpt-4o-mini' });
    expect(custom.editor.provider).toEqual({ only: ['_my_laptop'] });
    expect(custom.editor.model).toBe('qwen_local');
    expect(custom.architect.pricing).toEqual({ input: 0.15, output: 0.6 });
  });

  test('openrouter: attribution headers on both roles, editor pinned with no fallback, cost left to the gateway', async () => {
    const config = await resolved('openrouter');
    const headers = { 'HTTP-Referer': 'https://tandem.invalid', 'X-Title': 'tandem' };
    expect(config.architect.headers).toEqual(headers);
    expect(config.editor.headers).toEqual(headers);
    expect(config.editor).toMatchObject({ baseURL: 'https://openrouter.ai/api/v1', apiKeyEnv: 'OPENROUTER_API_KEY', provider: { only: ['deepinfra'], allow_fallbacks: false }, local: false, gatewayName: 'OpenRouter' });
    expect(config.editor.pricing).toBeUndefined();
  });

  test('litellm: proxy aliases, no provider pin, a $0 local editor', async () => {
    const config = await resolved('litellm');
    expect(config.architect).toMatchObject({ model: 'claude-sonnet-4', baseURL: 'http://localhost:4000/v1', apiKeyEnv: 'LITELLM_API_KEY', gatewayName: 'LiteLLM', pricing: { input: 3, output: 15 } });
    expect(config.editor).toMatchObject({ model: 'tandem-editor', local: true, pricing: { input: 0, output: 0 } });
    expect(config.editor.provider).toBeUndefined();
  });

  test('portkey: each role routed by its x-portkey-* headers, the provider key only on the architect', async () => {
    const config = await resolved('portkey', {}, { ANTHROPIC_API_KEY: 'sk-ant' });
    expect(config.architect).toMatchObject({ baseURL: 'http://localhost:8787/v1', apiKey: 'sk-ant', headers: { 'x-portkey-provider': 'anthropic' }, gatewayName: 'Portkey' });
    expect(config.editor).toMatchObject({
      baseURL: 'http://localhost:8787/v1',
      headers: { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': 'http://localhost:11434/v1' },
      gatewayName: 'Portkey',
      local: true,
    });
    expect(config.editor.apiKeyEnv).toBeUndefined();
    expect(config.editor.apiKey).toBeUndefined();
  });

  test('ollama: both roles on the local host, no key anywhere, nothing priced', async () => {
    const config = await resolved('ollama', {}, { FASTROUTER_API_KEY: 'unused' });
    for (const role of [config.architect, config.editor]) {
      expect(role).toMatchObject({ baseURL: 'http://localhost:11434/v1', local: true, pricing: { input: 0, output: 0 }, gatewayName: 'Ollama' });
      expect(role.apiKey).toBeUndefined();
    }
    expect(config.architect.contextBudget).toBe(8000);
  });

  test('direct: architect straight to an OpenAI-compatible API, editor straight to Ollama', async () => {
    const config = await resolved('direct', { baseURL: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', architectModel: 'gpt-4o-mini' }, { OPENAI_API_KEY: 'sk-oa' });
    expect(config.architect).toMatchObject({ baseURL: 'https://api.openai.com/v1', apiKey: 'sk-oa', gatewayName: 'OpenAI', pricing: { input: 0.15, output: 0.6 } });
    expect(config.editor).toMatchObject({ baseURL: 'http://localhost:11434/v1', gatewayName: 'Ollama', local: true });
    expect(config.editor.apiKeyEnv).toBeUndefined();
    expect((await resolved('direct')).architect).toMatchObject({ baseURL: 'https://api.anthropic.com/v1/', apiKeyEnv: 'ANTHROPIC_API_KEY', gatewayName: 'Anthropic' });
  });

  test('refuses choices that do not apply to a preset (exit 2)', () => {
    const refused = (name: GatewayPreset, choices: PresetChoices): TandemError => {
      try {
        presetConfig(name, choices);
      } catch (error) {
        return error as TandemError;
      }
      throw new Error('expected a refusal');
    };
    expect(refused('litellm', { providerSlug: 'x' })).toMatchObject({ exitCode: 2, message: '--provider-slug does not apply to litellm: its editor is chosen by model name or URL, not by a provider pin' });
    expect(refused('ollama', { apiKeyEnv: 'X' })).toMatchObject({ exitCode: 2, message: '--api-key-env does not apply to ollama: Ollama takes no key' });
  });

  test('isGatewayPreset', () => {
    expect(isGatewayPreset('portkey')).toBe(true);
    expect(isGatewayPreset('azure')).toBe(false);
  });
});
