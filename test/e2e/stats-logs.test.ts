import { mkdtemp, mkdir, copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, isolatedHome, runCli } from '../helpers/cli.js';
import { startFakeGateway, type FakeGateway } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const plan = (file: string) => JSON.stringify({ summary: 's', steps: [{ title: `make ${file}`, file, action: 'create', instructions: 'i', depends_on: [] }] });
const editor = (n: number) => ({ text: `\`\`\`ts\nexport const n = ${n};\n\`\`\`\n`, promptTokens: 100 * n, completionTokens: 10 * n });

interface StatsJson {
  groups: Array<Record<string, unknown> & { calls: number; promptTokens: number }>;
  totals: { calls: number; promptTokens: number; completionTokens: number; costUsd: number | null };
}

let gateway: FakeGateway;
let api: GitFixture;
let web: GitFixture;
let artifacts: string;

beforeAll(async () => {
  // Two repositories, one run each, their logs gathered into a CI-artifacts-like folder outside any repository.
  gateway = await startFakeGateway({
    routes: [{ replies: [{ text: plan('src/a.ts'), promptTokens: 1000, completionTokens: 100 }, editor(1), { text: plan('src/b.ts'), promptTokens: 2000, completionTokens: 200 }, editor(2)] }],
  });
  api = await gitFixture({ 'README.md': '# api\n' });
  web = await gitFixture({ 'README.md': '# web\n' });
  await api.git('remote', 'add', 'origin', 'https://ci-bot:s3cretpass@github.com/acme/api.git');
  const env = { TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'test-key' };
  for (const repo of [api, web]) {
    const run = await runCli(['run', 'make it', '--yes'], { cwd: repo.root, env });
    expect(run.exitCode, run.stderr).toBe(0);
  }
  artifacts = await mkdtemp(join(tmpdir(), 'tandem-artifacts-'));
  for (const [name, repo] of [['api', api], ['web', web]] as const) {
    await mkdir(join(artifacts, name), { recursive: true });
    await copyFile(join(repo.root, '.tandem/activity.jsonl'), join(artifacts, name, 'activity.jsonl'));
  }
});
afterAll(async () => {
  await gateway?.close();
  await Promise.all([api?.cleanup(), web?.cleanup(), artifacts && rm(artifacts, { recursive: true, force: true })]);
});

const stats = async (args: string[], cwd = artifacts) => {
  const result = await runCli(['stats', '--json', ...args], { cwd });
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as StatsJson;
};

describe('tandem stats --log over logs gathered from many repositories', () => {
  it('sums two repositories, outside any repository, and counts a log passed twice once', async () => {
    const a = await stats(['--log', 'api/activity.jsonl']);
    const b = await stats(['--log', 'web/activity.jsonl']);
    expect([a.totals.calls, b.totals.calls]).toEqual([2, 2]);
    const both = await stats(['--log', 'api/activity.jsonl', '--log', 'web/activity.jsonl']);
    expect(both.totals.calls).toBe(a.totals.calls + b.totals.calls);
    expect(both.totals.promptTokens).toBe(a.totals.promptTokens + b.totals.promptTokens);
    expect(both.totals.promptTokens).toBe(1000 + 100 + 2000 + 200);
    expect(both.totals.costUsd).toBeCloseTo((a.totals.costUsd ?? 0) + (b.totals.costUsd ?? 0), 10);
    const twice = await stats(['--log', 'api/activity.jsonl', '--log', 'web/activity.jsonl', '--log', 'api/activity.jsonl', '--log', `${artifacts}/web/activity.jsonl`]);
    expect(twice.totals).toEqual(both.totals);
  });

  it('takes a glob and standard input, and the same record through both still counts once', async () => {
    const globbed = await stats(['--log', '**/activity.jsonl']);
    expect(globbed.totals.calls).toBe(4);
    const piped = await execa('node', [BIN, 'stats', '--json', '--log', '-', '--log', 'api/activity.jsonl'], {
      cwd: artifacts,
      input: await readFile(join(artifacts, 'api/activity.jsonl'), 'utf8'),
      env: { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), NO_COLOR: '1' },
      extendEnv: false,
      reject: false,
    });
    expect(piped.exitCode, String(piped.stderr)).toBe(0);
    expect((JSON.parse(String(piped.stdout)) as StatsJson).totals.calls).toBe(2);
  });

  it('--by repo names each repository by its remote without credentials, else its folder', async () => {
    const byRepo = await stats(['--by', 'repo', '--log', '**/activity.jsonl']);
    const rows = byRepo.groups.map((g) => [g.repo, g.calls, g.promptTokens]);
    expect(rows).toContainEqual(['https://github.com/acme/api.git', 2, 1100]);
    expect(rows).toContainEqual([web.root.split('/').at(-1), 2, 2200]);
    expect(JSON.stringify(byRepo)).not.toContain('s3cretpass');
  });

  it('a log that does not exist, or a glob that matches nothing, is a usage error', async () => {
    const missing = await runCli(['stats', '--log', 'nope/activity.jsonl'], { cwd: artifacts });
    expect([missing.exitCode, missing.stderr.trim()]).toEqual([2, 'tandem: --log nope/activity.jsonl: no such file']);
    const none = await runCli(['stats', '--log', 'x/**/*.jsonl'], { cwd: artifacts });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('--log x/**/*.jsonl: no file matches');
  });

  it('the HTML report reads the gathered logs too', async () => {
    const out = join(artifacts, 'report.html');
    const result = await runCli(['report', '--html', out, '--log', '**/activity.jsonl'], { cwd: artifacts });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain('4 calls');
    expect(await readFile(out, 'utf8')).toContain('<html');
    await writeFile(out, '');
  });
});
