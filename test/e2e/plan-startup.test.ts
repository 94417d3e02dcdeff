import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BIN, isolatedHome } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 's', steps: [{ title: 'Rename', file: 'math.ts', action: 'edit', instructions: 'rename add to sum', depends_on: [] }] };

const { repo, startGateway } = useRepoAndGateway({ 'math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n', 'README.md': '# calc\n' });
let gateway: FakeGateway;
let dir: string;
let atRequest: string[] | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-startup-'));
  atRequest = undefined;
  const trace = join(dir, 'modules.txt');
  await writeFile(trace, '');
  gateway = await startGateway({
    routes: [
      { match: matchProviderPinned(), replies: () => ({ text: '```ts\nexport function sum(a: number, b: number): number {\n  return a + b;\n}\n```\n' }) },
      {
        match: matchNotPinned(),
        replies: () => {
          // What the CLI had loaded when its architect request arrived.
          atRequest ??= readFileSync(trace, 'utf8').trim().split('\n');
          return { text: JSON.stringify(PLAN), promptTokens: 900, completionTokens: 60 };
        },
      },
    ],
  });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs tandem with `args` and a module resolve hook that appends every URL it resolves to modules.txt. */
async function withTrace(args: string[]): Promise<number> {
  const trace = join(dir, 'modules.txt');
  const hooks =
    "import { appendFileSync } from 'node:fs';" +
    `export async function resolve(specifier, context, next) { const result = await next(specifier, context); appendFileSync(${JSON.stringify(trace)}, result.url + '\\n'); return result; }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const env = { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), NO_COLOR: '1', ...cliEnv(gateway) };
  const run = await execa('node', ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args], { cwd: repo.root, env, extendEnv: false, stdin: 'ignore', reject: false });
  expect(run.exitCode, run.stderr).toBe(0);
  return run.exitCode ?? -1;
}

const loads = (urls: string[], name: string): boolean => urls.some((url) => url.includes(`/node_modules/${name}/`) || url.includes(`/dist/bundle/vendor-${name}-`));

it.each([
  ['plan', 'rename add to sum in math.ts'],
  ['run', 'rename add to sum in math.ts', '--yes'],
])('`tandem %s` sends its architect request before loading the tokenizer, simple-git, execa, the editor engine\'s diff or the session\'s ink', async (...args) => {
  await withTrace(args);
  expect(gateway.requests.filter((r) => r.path.endsWith('/chat/completions')).length).toBeGreaterThanOrEqual(1);
  const before = atRequest ?? [];
  // The request needs the SDK: seeing it proves the trace was read at the right moment, not empty.
  expect(loads(before, 'openai')).toBe(true);
  expect(['gpt-tokenizer', 'simple-git', 'execa', 'diff', 'ink', 'react'].filter((name) => loads(before, name))).toEqual([]);
});
