import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const { repo, startGateway } = useRepoAndGateway({ 'a.txt': 'one\n' });

test('in a real run every failed attempt has its own activity record, with its status, error line and step', async () => {
  const plan = { summary: 'Say two.', steps: [{ title: 'Two', file: 'a.txt', action: 'edit', instructions: 'Replace one with two.', depends_on: [] }] };
  const edit = 'a.txt\n<<<<<<< SEARCH\none\n=======\ntwo\n>>>>>>> REPLACE\n';
  const gateway = await startGateway({
    routes: [
      { match: matchNotPinned(), replies: [{ status: 429, retryAfter: 0, error: 'slow down' }, { text: JSON.stringify(plan), promptTokens: 100, completionTokens: 20 }] },
      { match: matchProviderPinned(), replies: [{ status: 503, retryAfter: 0, error: 'ollama busy' }, { text: edit, promptTokens: 50, completionTokens: 10 }] },
    ],
  });
  const run = await runCli(['run', 'say two', '--yes'], { cwd: repo.root, env: cliEnv(gateway) });
  expect(run.exitCode, run.stderr).toBe(0);
  const gatewayName = new URL(gateway.url).host;
  expect(run.stderr).toContain(`! architect call failed: architect call to ${gatewayName} failed: 429 slow down (model anthropic/claude-sonnet-4).`);
  expect(run.stderr).toContain(`! editor call failed: editor call to ${gatewayName} failed: 503 ollama busy (model auto_tandem_router).`);

  const all = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  // The local editor's warm-up has its own record, apart from the plan and the step.
  expect(all.filter((r) => r.kind === 'warm-up').map((r) => [r.role, r.step, r.status])).toEqual([['editor', null, 'ok']]);
  const log = all.filter((r) => r.kind !== 'warm-up');
  expect(log.map((r) => [r.role, r.step, r.status, r.promptTokens, r.costUsd, r.costSource])).toEqual([
    ['architect', null, 'error', 0, null, 'unknown'],
    ['architect', null, 'ok', 100, 0.0006, 'pricing'],
    ['editor', 0, 'error', 0, null, 'unknown'],
    ['editor', 0, 'ok', 50, 0, 'pricing'],
  ]);
  expect(log[2].error).toContain('503 ollama busy');
  expect(log[2].provider).toBe('_tandem_local_router');
  expect(new Set(log.map((r) => r.runId)).size).toBe(1);
  const planId = await repo.git('rev-parse', '--abbrev-ref', 'HEAD').then((branch) => branch.replace(/^tandem\//, ''));
  expect(log.map((r) => r.planId)).toEqual([planId, planId, planId, planId]);
});
