import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { BudgetLimits } from '../../src/pipeline/budget.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const PLAN = { summary: 'Rename.', steps: [{ title: 'Rename getUser', file: 'src/users.ts', action: 'edit', instructions: 'Rename getUser to fetchUser.', depends_on: [] }] };

const { repo, startGateway } = useRepoAndGateway({
  'src/users.ts': 'export function getUser(id: string): string {\n  return id;\n}\n',
  'src/app.ts': "import { getUser } from './users.js';\n\nexport const main = (): string => getUser('me');\n",
  'AGENTS.md': '# Rules\nKeep functions small.\n',
});

/**
 * Runs `tandem plan`'s pipeline against the fake gateway in a fresh module registry (nothing loaded
 * yet, as in a new process) and says, for each architect request, whether the tokenizer was being
 * loaded when the gateway received it.
 */
async function plan(budget?: BudgetLimits): Promise<{ loadedAtRequest: boolean[]; loadedAfter: boolean; planned: boolean }> {
  vi.resetModules();
  const { planPipeline } = await import('../../src/pipeline/run.js');
  const { tokenizerLoaded } = await import('../../src/tokens/count.js');
  const loadedAtRequest: boolean[] = [];
  const gateway = await startGateway({
    routes: [
      {
        replies: () => {
          loadedAtRequest.push(tokenizerLoaded());
          return { text: JSON.stringify(PLAN) };
        },
      },
    ],
  });
  const config = await loadConfig({ root: repo.root, env: { ...cliEnv(gateway), HOME: repo.root } });
  let planned = false;
  for await (const event of planPipeline({ workspace: await openWorkspace(repo.root), config, task: 'rename getUser to fetchUser in src/users.ts', files: ['src/users.ts'], budget })) {
    if (event.type === 'plan-ready') planned = true;
  }
  return { loadedAtRequest, loadedAfter: tokenizerLoaded(), planned };
}

describe('tandem plan sends the architect request without waiting for the tokenizer', () => {
  it('with no budget limit, builds the view, rules and named files on the estimate; the egress ledger counts after the call', async () => {
    const run = await plan();
    expect(run.planned).toBe(true);
    expect(run.loadedAtRequest).toEqual([false]);
    expect(run.loadedAfter).toBe(true);
  });

  it('with --max-tokens, counts the request exactly before sending it', async () => {
    const run = await plan({ maxTokens: 1_000_000 });
    expect(run.planned).toBe(true);
    expect(run.loadedAtRequest).toEqual([true]);
  });
});
