import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { initCommand, type InitIO, type InitOptions } from '../../src/commands/init.js';
import { loadConfig } from '../../src/config/load.js';
import { GATEWAY_PRESETS, presetConfig } from '../../src/config/presets.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-init-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Runs init with scripted standard input; `answers` undefined leaves the input open and silent. */
async function init(options: InitOptions, io: { answers?: string; interactive?: boolean } = {}) {
  const input = new PassThrough();
  if (io.answers !== undefined) input.end(io.answers);
  let output = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const streams: InitIO = { input, output: out, interactive: io.interactive ?? false };
  const outcome = await initCommand({ cwd: dir, ...options }, streams).then(
    (code) => ({ code, error: undefined }),
    (error: { exitCode?: number; message: string; hint?: string }) => ({ code: error.exitCode, error }),
  );
  return { ...outcome, output };
}

const written = async () => JSON.parse(await readFile(join(dir, 'tandem.config.json'), 'utf8'));

describe('tandem init with flags', () => {
  test.each(GATEWAY_PRESETS)('--gateway %s writes the preset, and the config loader accepts it', async (gateway) => {
    const { code, output } = await init({ gateway });
    expect(code).toBe(0);
    expect(await written()).toEqual(presetConfig(gateway));
    const config = await loadConfig({ root: dir, env: { HOME: dir } });
    expect(config.sources).toContain(join(dir, 'tandem.config.json'));
    expect(output).toContain(`for ${gateway}: architect ${config.architect.model}, editor ${config.editor.model}.`);
    expect(output).toContain('Then check everything with: tandem doctor');
  });

  test('takes the models and the provider slug from flags', async () => {
    const { code } = await init({ gateway: 'fastrouter', architectModel: 'openai/gpt-4o-mini', editorModel: 'qwen_local', providerSlug: '_laptop' });
    expect(code).toBe(0);
    expect(await written()).toEqual({
      gateway: { baseURL: 'https://go.fastrouter.ai/api/v1', apiKeyEnv: 'FASTROUTER_API_KEY' },
      architect: { model: 'openai/gpt-4o-mini', pricing: { input: 0.15, output: 0.6 } },
      editor: { model: 'qwen_local', provider: { only: ['_laptop'] }, pricing: { input: 0, output: 0 }, contextWindow: 8192, local: true, editFormat: 'auto' },
    });
  });

  test('never overwrites without --force (exit 2), and does with it', async () => {
    await writeFile(join(dir, 'tandem.config.json'), '{"mine": true}\n');
    const refused = await init({ gateway: 'ollama' });
    expect(refused.code).toBe(2);
    expect(refused.error?.message).toBe(`${join(dir, 'tandem.config.json')} already exists`);
    expect(refused.error?.hint).toBe('pass --force to overwrite it');
    expect(await readFile(join(dir, 'tandem.config.json'), 'utf8')).toBe('{"mine": true}\n');
    expect((await init({ gateway: 'ollama', force: true })).code).toBe(0);
    expect(await written()).toEqual(presetConfig('ollama'));
  });

  test('fails fast with exit 2 without a terminal and without --gateway, never reading standard input', async () => {
    const started = Date.now();
    const { code, error } = await init({});
    expect(code).toBe(2);
    expect(error?.message).toBe('no terminal to ask in');
    expect(error?.hint).toBe('pass --gateway <fastrouter|openrouter|litellm|portkey|ollama|direct> (and optionally the models)');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('refuses an unknown gateway and a flag the preset has no use for (exit 2)', async () => {
    expect(await init({ gateway: 'azure' })).toMatchObject({ code: 2, error: { message: 'unknown gateway "azure"' } });
    expect(await init({ gateway: 'litellm', providerSlug: 'x' })).toMatchObject({ code: 2 });
  });

  test('writes at the repository root when run in a subfolder', async () => {
    await mkdir(join(dir, '.git'));
    await mkdir(join(dir, 'src/deep'), { recursive: true });
    expect((await init({ gateway: 'direct', cwd: join(dir, 'src/deep') })).code).toBe(0);
    expect(await written()).toEqual(presetConfig('direct'));
  });
});

describe('tandem init in a terminal', () => {
  test('asks for the gateway, the models and the slug, with the preset defaults on Enter', async () => {
    const { code, output } = await init({}, { interactive: true, answers: '2\n\n\nmy-provider\n' });
    expect(code).toBe(0);
    expect(await written()).toEqual(presetConfig('openrouter', { providerSlug: 'my-provider' }));
    expect(output).toContain('  1) fastrouter ');
    expect(output).toContain('  6) direct      No gateway:');
    expect(output).toContain('Gateway [1]: Architect model (plans) [anthropic/claude-sonnet-4]: Editor model (edits) [qwen/qwen-2.5-coder-32b-instruct]: Provider slug the editor is pinned to [deepinfra]: ');
  });

  test('asks again after an answer that is not a gateway, and takes names as well as numbers', async () => {
    const { code, output } = await init({}, { interactive: true, answers: 'azure\nollama\nllama3.1:70b\n\n' });
    expect(code).toBe(0);
    expect(output).toContain('"azure" is not one of 1-6 or fastrouter, openrouter, litellm, portkey, ollama, direct');
    expect(await written()).toEqual(presetConfig('ollama', { architectModel: 'llama3.1:70b' }));
  });

  test('asks for the architect endpoint and key variable of the direct setup', async () => {
    const { code } = await init({}, { interactive: true, answers: 'direct\nhttps://api.openai.com/v1\nOPENAI_API_KEY\ngpt-4o-mini\n\n' });
    expect(code).toBe(0);
    expect((await written()).architect).toEqual({ model: 'gpt-4o-mini', baseURL: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY', pricing: { input: 0.15, output: 0.6 } });
  });

  test('input that ends before the answers is exit 2 and writes nothing', async () => {
    const { code, error } = await init({}, { interactive: true, answers: '1\n' });
    expect(code).toBe(2);
    expect(error?.message).toBe('input ended before tandem init had its answers');
    await expect(readFile(join(dir, 'tandem.config.json'))).rejects.toThrow(/ENOENT/);
  });
});

describe('tandem init through the built CLI', () => {
  test('exits 2 at once with standard input closed and no --gateway; writes with --gateway', async () => {
    const bare = await runCli(['init'], { cwd: dir });
    expect(bare.exitCode).toBe(2);
    expect(bare.stderr).toContain('tandem: no terminal to ask in');
    const flagged = await runCli(['init', '--gateway', 'portkey'], { cwd: dir });
    expect(flagged.exitCode, flagged.stderr).toBe(0);
    expect(await written()).toEqual(presetConfig('portkey'));
    expect(flagged.stdout).toContain('Put the key in ANTHROPIC_API_KEY (keys never go in the file).');
  });
});
