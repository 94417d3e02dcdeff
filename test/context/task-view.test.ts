import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan } from '../../src/architect/make-plan.js';
import type { PrivacyLevel } from '../../src/config/types.js';
import { buildRepoMap } from '../../src/context/repo-map.js';
import { countMessages, countTokens } from '../../src/tokens/count.js';
import { scriptedClient } from '../privacy/scripted-client.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

// 150 filler files, one file defining the task's symbol, three files using it (one a test), and a
// withheld file using it. Every body holds BODY_MARKER.
const FILES: Record<string, string> = {
  '.gitignore': '.env\n',
  '.tandemignore': 'private/\n',
  'src/users/profile.ts': 'export interface Profile {\n  id: string;\n}\n\nexport async function loadUserProfile(id: string): Promise<Profile> {\n  return { id: "BODY_MARKER" };\n}\n',
  'src/users/page.tsx': "import { loadUserProfile } from './profile';\n\nexport function ProfilePage({ id }: { id: string }) {\n  return <div>{String(loadUserProfile(id))} BODY_MARKER</div>;\n}\n",
  'src/api/routes.js': "const { loadUserProfile } = require('../users/profile');\n\nfunction profileRoute(req) {\n  return loadUserProfile(req.id); // BODY_MARKER\n}\n",
  'test/users/profile.test.ts': "import { loadUserProfile } from '../../src/users/profile';\n\ntest('loads', () => loadUserProfile('BODY_MARKER'));\n",
  'private/uses.ts': "import { loadUserProfile } from '../src/users/profile';\nexport const x = loadUserProfile('BODY_MARKER');\n",
  ...Object.fromEntries(
    Array.from({ length: 150 }, (_, i) => [`pkg/area${i % 15}/module${i}.py`, `class Worker${i}:\n    def run_${i}(self, queue):\n        return "BODY_MARKER"\n\n\ndef schedule_${i}(item):\n    return item\n`]),
  ),
};

let repo: GitFixture;
beforeAll(async () => {
  repo = await gitFixture(FILES);
  await writeFile(join(repo.root, '.env'), 'TOKEN=loadUserProfile\n');
});
afterAll(() => repo.cleanup());

const PLAN = JSON.stringify({ summary: 's', steps: [{ title: 't', file: 'src/users/profile.ts', action: 'edit', instructions: 'i', depends_on: [] }] });

async function firstRequest(task: string, privacy: PrivacyLevel) {
  const client = scriptedClient('architect', [PLAN]);
  await makePlan({ task, root: repo.root, client, namedFiles: [], contextBudget: 24_000, privacy, meta: { runId: 'run-1', planId: 'plan-1' } });
  return client.requests[0].messages;
}

describe('a view that follows the task', () => {
  it('keeps a one-line task small, the target outlined and its users named, under the ceiling', async () => {
    const map = await buildRepoMap({ root: repo.root, task: 'rename loadUserProfile to fetchUserProfile everywhere', named: [], budget: 24_000 });
    expect(map.budget).toBe(1_800);
    expect(await countTokens(map.text)).toBeLessThanOrEqual(1_800);
    expect(map.text.startsWith('src/users/profile.ts\n  export interface Profile\n    id: string\n  export async function loadUserProfile(id: string): Promise<Profile>\n')).toBe(true);
    expect(map.text).toContain('src/users/page.tsx (uses loadUserProfile)');
    expect(map.text).toContain('src/api/routes.js (uses loadUserProfile)');
    expect(map.text).toContain('Not listed, to keep within the context budget');
    expect(map.total).toBe(157);
  });

  it('grows with a long task and never passes the ceiling', async () => {
    const task = `rename loadUserProfile to fetchUserProfile everywhere. ${'Keep the queue workers and schedules as they are. '.repeat(12)}`;
    const long = await buildRepoMap({ root: repo.root, task, named: [], budget: 24_000 });
    expect(long.budget).toBeGreaterThan(1_800);
    expect(long.outlined.length).toBeGreaterThan((await buildRepoMap({ root: repo.root, task: 'rename loadUserProfile to fetchUserProfile', named: [], budget: 24_000 })).outlined.length);
    expect((await buildRepoMap({ root: repo.root, task, named: [], budget: 900 })).budget).toBe(900);
  });

  it('grows for each file named with --file, and outlines it first', async () => {
    const map = await buildRepoMap({ root: repo.root, task: 'make the workers faster', named: ['pkg/area3/module3.py'], budget: 24_000 });
    expect(map.budget).toBe(3_300);
    expect(map.text.startsWith('pkg/area3/module3.py\n  class Worker3\n    def run_3(self, queue)\n  def schedule_3(item)\n')).toBe(true);
  });

  it.each(['standard', 'outline'] as const)('under privacy %s sends no body and no withheld file, whole request under 2,500 tokens', async (privacy) => {
    const messages = await firstRequest('rename loadUserProfile to fetchUserProfile everywhere', privacy);
    const text = messages.map((m) => m.content).join('\n');
    expect(text).not.toContain('BODY_MARKER');
    expect(text).not.toContain('private/uses.ts');
    expect(text).not.toMatch(/^\.env/m);
    expect(text).not.toContain('TOKEN=');
    expect(text).toContain('src/users/page.tsx (uses loadUserProfile)');
    expect(await countMessages(messages)).toBeLessThanOrEqual(2_500);
  });
});
