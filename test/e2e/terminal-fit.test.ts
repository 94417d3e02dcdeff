import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, startFakeGateway, type FakeGateway } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';
import { overlong, runInPty, screenLines } from '../helpers/pty.js';

const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 40 },
] as const;

const PLAN = {
  summary: 'Add a very descriptive helper module to the validation layer.',
  steps: [{ title: 'Create the helper', file: 'src/validation/deeply/nested/signup-schema-helpers.ts', action: 'create', instructions: 'Export ok().', depends_on: [] }],
};

let sample = '';
let repo: GitFixture;
let gateway: FakeGateway;

beforeAll(async () => {
  // The demo's sample repository holds an activity log and an egress ledger for log, stats and egress.
  const demo = await runCli(['demo', '--fast'], { cwd: process.cwd() });
  sample = /The sample repository is at (\S+)/.exec(demo.stdout)?.[1] ?? '';
  repo = await gitFixture({ 'README.md': '# x\n' });
  gateway = await startFakeGateway({
    routes: [
      { match: matchNotPinned(), replies: () => ({ text: JSON.stringify(PLAN), promptTokens: 1000, completionTokens: 200, provider: 'anthropic-with-a-long-provider-name' }) },
      { match: matchProviderPinned(), replies: () => ({ text: '```ts\nexport const ok = () => true;\n```\n', promptTokens: 500, completionTokens: 100, provider: '_tandem_local_router' }) },
    ],
  });
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await repo?.cleanup();
});

describe.each(SIZES)('at $cols x $rows', ({ cols, rows }) => {
  it('demo: no line wider than the terminal, the table and the saving whole', async () => {
    const result = await runInPty(['demo', '--fast'], { cwd: process.cwd(), cols, rows });
    expect(result.exitCode).toBe(0);
    expect(overlong(result.output, cols)).toEqual([]);
    const lines = screenLines(result.output);
    expect(lines.find((line) => line.startsWith('Step '))).toMatch(/Cost .*Status$/);
    expect(lines.some((line) => line.startsWith('saved $'))).toBe(true);
  });

  it('log, stats and egress fit', async () => {
    expect(sample).not.toBe('');
    for (const command of [['log'], ['stats'], ['egress']]) {
      const result = await runInPty([...command, '-C', sample], { cwd: process.cwd(), cols, rows });
      expect(result.exitCode, result.output).toBe(0);
      expect(overlong(result.output, cols), command[0]).toEqual([]);
    }
  });

  it('run and apply with long model, provider and file names fit', async () => {
    const env = { TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'k', TANDEM_ARCHITECT_MODEL: 'anthropic/claude-sonnet-4-20250514-extended-thinking' };
    const run = await runInPty(['run', 'add the helper', '--yes', '--branch', `fit-${cols}`], { cwd: repo.root, cols, rows, env });
    expect(run.exitCode, run.output).toBe(0);
    expect(overlong(run.output, cols)).toEqual([]);
    expect(screenLines(run.output).some((line) => line.includes('…'))).toBe(true);
    await repo.git('switch', '-q', 'main');
    const plan = await runInPty(['plan', 'add the helper'], { cwd: repo.root, cols, rows, env });
    expect(overlong(plan.output, cols)).toEqual([]);
    const apply = await runInPty(['apply', '--last'], { cwd: repo.root, cols, rows, env });
    expect(apply.exitCode, apply.output).toBe(0);
    expect(overlong(apply.output, cols)).toEqual([]);
    await repo.git('switch', '-q', 'main');
  });
});

describe('--wide and piped output', () => {
  it('--wide prints every column at 80; piped output is never cut', async () => {
    const wide = await runInPty(['demo', '--fast', '--wide'], { cwd: process.cwd(), cols: 80, rows: 24 });
    const header = screenLines(wide.output).find((line) => line.startsWith('Step '));
    expect(header).toMatch(/Provider .*Latency .*To cloud/);
    const piped = await runCli(['log', '-C', sample], { cwd: process.cwd() });
    expect(piped.stdout.split('\n')[0]).toMatch(/Provider .*Latency/);
    expect(piped.stdout).not.toContain('hidden to fit');
  });
});
