import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import type { BudgetLimits } from '../../src/pipeline/budget.js';
import { openWorkspace } from '../../src/workspace/git.js';
import { startFakeGateway, type FakeGateway } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const PLAN = { summary: 'Rename.', steps: [{ title: 'Rename getUser', file: 'src/users.ts', action: 'edit', instructions: 'Rename getUser to fetchUser.', depends_on: [] }] };

let repo: GitFixture | undefined;
let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  await repo?.cleanup();
  gateway = repo = undefined;
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
  gateway = await startFakeGateway({
    routes: [
      {
        replies: () => {
          loadedAtRequest.push(tokenizerLoaded());
          return { text: JSON.stringify(PLAN) };
        },
      },
    ],
  });
  repo = await gitFixture({
    'src/users.ts': 'export function getUser(id: string): string {\n  return id;\n}\n',
    'src/app.ts': "import { getUser } from './users.js';\n\nexport const main = (): string => getUser('me');\n",
    'AGENTS.md': '# Rules\nKeep functions small.\n',
  });
  const config = await loadConfig({ root: repo.root, env: { TANDEM_BASE_URL: gateway.url, TANDEM_API_KEY: 'k', HOME: repo.root } });
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
