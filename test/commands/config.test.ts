import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;

beforeEach(async () => {
  repo = await gitFixture({ 'tandem.config.json': JSON.stringify({ gateway: { apiKeyEnv: 'MY_GATEWAY_KEY' }, architect: { model: 'openai/gpt-4o' } }) });
});
afterEach(async () => {
  await repo.cleanup();
});

const line = (out: string, key: string) => out.split('\n').find((l) => l.includes(` ${key} = `))?.replace(/  +/, ' ');

describe('tandem config', () => {
  it('shows each value with its source: default, user file, repo file, env, flag; keys only as set', async () => {
    const xdg = join(repo.root, '.xdg');
    await mkdir(join(xdg, 'tandem'), { recursive: true });
    await writeFile(join(xdg, 'tandem', 'config.json'), JSON.stringify({ editor: { editFormat: 'udiff' }, privacy: 'outline' }));
    const env = { XDG_CONFIG_HOME: xdg, TANDEM_EDITOR_MODEL: 'qwen2.5-coder:7b', MY_GATEWAY_KEY: 'sk-secret-value-123' };
    const result = await runCli(['config', '--base-url', 'http://127.0.0.1:4000/v1'], { cwd: repo.root, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const out = result.stdout;
    expect(out).toContain(`  user file  ${join(xdg, 'tandem', 'config.json')}`);
    expect(out).toContain(`  repo file  ${join(repo.root, 'tandem.config.json')}`);
    expect(out).toContain('  env        TANDEM_EDITOR_MODEL');
    expect(out).toContain('  flag       command-line flags');
    expect(line(out, 'architect.contextBudget')).toBe('default architect.contextBudget = 24000');
    expect(line(out, 'editor.editFormat')).toBe('user file editor.editFormat = udiff');
    expect(line(out, 'privacy')).toBe('user file privacy = outline');
    expect(line(out, 'architect.model')).toBe('repo file architect.model = openai/gpt-4o');
    expect(line(out, 'editor.model')).toBe('env editor.model = qwen2.5-coder:7b');
    expect(line(out, 'architect.baseURL')).toBe('flag architect.baseURL = http://127.0.0.1:4000/v1');
    expect(line(out, 'architect.apiKey')).toBe('env architect.apiKey = set ($MY_GATEWAY_KEY or $TANDEM_API_KEY)');
    expect(out).not.toContain('sk-secret-value-123');

    const json = await runCli(['config', '--json'], { cwd: repo.root, env: { TANDEM_API_KEY: 'sk-other-secret' } });
    const values = JSON.parse(json.stdout) as Array<{ key: string; value: string; source: string; from: string }>;
    expect(values.find((v) => v.key === 'architect.model')).toEqual({ key: 'architect.model', value: 'openai/gpt-4o', source: 'repo file', from: join(repo.root, 'tandem.config.json') });
    expect(values.find((v) => v.key === 'editor.apiKey')?.value).toBe('set ($MY_GATEWAY_KEY or $TANDEM_API_KEY)');
    expect(json.stdout).not.toContain('sk-other-secret');
  });

  it('with nothing configured says so and points at tandem init; an invalid file is exit 2', async () => {
    await repo.git('rm', '-q', 'tandem.config.json');
    const bare = await runCli(['config'], { cwd: repo.root });
    expect(bare.exitCode).toBe(0);
    expect(bare.stdout).toContain('built-in defaults only (tandem init writes tandem.config.json)');
    expect(line(bare.stdout, 'architect.apiKey')).toBe('env architect.apiKey = unset ($FASTROUTER_API_KEY or $TANDEM_API_KEY)');

    await writeFile(join(repo.root, 'tandem.config.json'), '{"architect": {"modle": "x"}}');
    const bad = await runCli(['config'], { cwd: repo.root });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('architect.modle: unknown key');
  });
});
