import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 'Nothing to do.', steps: [{ title: 'Delete old', file: 'old.txt', action: 'delete', instructions: 'Remove it.', depends_on: [] }] };

const { repo, startGateway } = useRepoAndGateway({ 'src/a.ts': 'export const a = 1;\n', 'old.txt': 'x\n' });

it('a need_files round reads the prefix the first round wrote: both are logged, priced, and shown in the table and stats', async () => {
  const gateway = await startGateway({
    routes: [
      {
        match: matchNotPinned(),
        replies: [
          // Anthropic's usage as LiteLLM passes it on, then OpenAI's form as OpenRouter sends it.
          { text: '{"need_files": ["src/a.ts"]}', promptTokens: 3000, completionTokens: 20, cacheWriteTokens: 2500, cacheUsageStyle: 'anthropic' },
          { text: JSON.stringify(PLAN), promptTokens: 3200, completionTokens: 100, cachedTokens: 2500 },
        ],
      },
    ],
  });
  const env = cliEnv(gateway);
  const run = await runCli(['run', 'remove old.txt', '--yes'], { cwd: repo.root, env });
  expect(run.exitCode, run.stderr).toBe(0);

  const [first, second] = gateway.requests.filter((r) => r.path.endsWith('/chat/completions'));
  const marked = { type: 'text', text: expect.stringMatching(/^Repository \(/), cache_control: { type: 'ephemeral' } };
  expect(first.body?.messages?.[1].content).toEqual([marked]);
  expect(second.body?.messages?.slice(0, 2)).toEqual(first.body?.messages?.slice(0, 2));

  const log = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    // The local editor's warm-up is logged too; only the architect's two rounds matter here.
    .filter((record) => record.kind !== 'warm-up');
  // Sonnet: 500 x 3 + 2,500 x 3.75 + 20 x 15 = 11,175 micro-USD; then 700 x 3 + 2,500 x 0.30 + 100 x 15 = 4,350.
  expect(log.map((r) => [r.cachedTokens, r.cacheWriteTokens, r.costUsd])).toEqual([
    [0, 2500, 0.011175],
    [2500, 0, 0.00435],
  ]);
  expect(run.stdout).toContain('prompt cache: 2,500 of 6,200 prompt tokens read from the cache (40%), 2,500 written to it');

  const stats = await runCli(['stats'], { cwd: repo.root, env });
  expect(stats.exitCode, stats.stderr).toBe(0);
  expect(stats.stdout).toContain('prompt cache: 2,500 of 6,200 prompt tokens read from the cache (40%), 2,500 written to it');
  const json = JSON.parse((await runCli(['stats', '--json'], { cwd: repo.root, env })).stdout);
  expect(json.totals).toMatchObject({ promptTokens: 6200, cachedTokens: 2500, cacheWriteTokens: 2500 });
});
