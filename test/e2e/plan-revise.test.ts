import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const FIRST = {
  summary: 'Greet and part.',
  steps: [
    { title: 'Add hello', file: 'src/hi.ts', action: 'edit', instructions: 'Add hello().', depends_on: [] },
    { title: 'Add bye', file: 'src/bye.ts', action: 'edit', instructions: 'Add bye().', depends_on: [] },
  ],
};
const REVISED = { summary: 'Greet only, in one file.', steps: [{ title: 'Add hello and bye', file: 'src/hi.ts', action: 'edit', instructions: 'Add hello() and bye() to hi.ts.', depends_on: [] }] };
const HI_EDIT = "src/hi.ts\n<<<<<<< SEARCH\nexport const hi = 'hi';\n=======\nexport const hi = 'hi';\nexport const hello = 'hello';\n>>>>>>> REPLACE\n";
const BAD_EDIT = 'src/bye.ts\n<<<<<<< SEARCH\nthis line is not in the file\n=======\nexport const bye = 1;\n>>>>>>> REPLACE\n';

const { repo, startGateway } = useRepoAndGateway({ 'src/hi.ts': "export const hi = 'hi';\n", 'src/bye.ts': 'export const bye = 0;\n' });
let gateway: FakeGateway;
const architectReplies: ScriptedReply[] = [];
const env = () => cliEnv(gateway);

beforeEach(async () => {
  architectReplies.splice(0, architectReplies.length, { text: JSON.stringify(FIRST), promptTokens: 1000, completionTokens: 200 }, { text: JSON.stringify(REVISED), promptTokens: 1500, completionTokens: 100 });
  gateway = await startGateway({
    routes: [
      { match: matchNotPinned(), replies: architectReplies },
      {
        match: matchProviderPinned(),
        replies: (req) => {
          const prompt = JSON.stringify(req.body?.messages);
          return { text: prompt.includes('src/bye.ts') ? BAD_EDIT : HI_EDIT, promptTokens: 100, completionTokens: 20 };
        },
      },
    ],
  });
});

const architectChats = () => gateway.requests.filter((r) => r.path === '/v1/chat/completions' && !r.body?.provider);

describe('tandem plan --revise', () => {
  it("sends the architect the saved plan, the feedback and the last run's failures, and saves the answer as a new plan that revises it", async () => {
    const plan = await runCli(['plan', 'greet and part', '--json'], { cwd: repo.root, env: env() });
    expect(plan.exitCode, plan.stderr).toBe(0);
    const first = JSON.parse(plan.stdout).plan.id as string;
    const apply = await runCli(['apply', first], { cwd: repo.root, env: env() });
    expect(apply.exitCode).toBe(1);
    const record = JSON.parse(await readFile(join(repo.root, '.tandem/runs', `${first}.json`), 'utf8'));
    expect(record.steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'failed']);

    const revise = await runCli(['plan', '--revise', 'last', 'put everything in src/hi.ts'], { cwd: repo.root, env: env() });
    expect(revise.exitCode, revise.stderr).toBe(0);
    expect(revise.stderr).toContain(`Revising plan ${first}, with its last run (1 of 2 steps applied).`);

    const chats = architectChats();
    expect(chats).toHaveLength(2);
    const messages = chats[1].body?.messages as Array<{ role: string; content: unknown }>;
    const text = (m: { content: unknown }) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content));
    const old = messages.at(-2)!;
    expect(old.role).toBe('assistant');
    expect(JSON.parse(text(old))).toEqual(FIRST);
    const ask = text(messages.at(-1)!);
    expect(ask).toContain('put everything in src/hi.ts');
    expect(ask).toContain(`The plan was run on branch tandem/${first}`);
    expect(ask).toContain('- step 1 "Add hello" (src/hi.ts): applied');
    expect(ask).toMatch(/- step 2 "Add bye" \(src\/bye\.ts\): failed: \S/);
    // The first request comes first again: the task and the repository view as it is now.
    expect(messages.slice(0, -2).map(text).join('\n')).toContain('Task: greet and part');
    expect(messages.slice(0, -2).map(text).join('\n')).toContain('export const hello');

    const saved = await readdirPlans();
    const revised = saved.find((p) => p.revises === first)!;
    expect(revised.task).toBe('greet and part');
    expect(revised.steps).toEqual(REVISED.steps);
    expect(revised.versions.map((v: { id: string; architect: { costUsd: number } }) => [v.id, v.architect.costUsd])).toEqual([
      [first, 0.006],
      [revised.id, 0.006],
    ]);
    expect(revised.architect).toMatchObject({ promptTokens: 2500, completionTokens: 300, costUsd: 0.012 });
    expect(revise.stdout).toMatch(/^plan +[\w-]+ +anthropic\/claude-sonnet-4 +1,000 \/ 200 .* \$0\.0060$/m);
    expect(revise.stdout).toMatch(/^revision 1 +[\w-]+ +anthropic\/claude-sonnet-4 +1,500 \/ 100 .* \$0\.0060$/m);
    expect(revise.stdout).toMatch(/^total +2,500 \/ 300 .* \$0\.0120$/m);
    expect(revise.stdout).toContain(`(revises ${first}).\nApply it with: tandem apply ${revised.id}`);
  });

  it('takes the feedback as the only word after --revise, and refuses a missing plan or feedback with exit 2 before any call', async () => {
    const none = await runCli(['plan', '--revise', 'do it differently'], { cwd: repo.root, env: env() });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no saved plan');
    const noFeedback = await runCli(['plan', '--revise'], { cwd: repo.root, env: env() });
    expect(noFeedback.exitCode).toBe(2);
    expect(noFeedback.stderr).toContain('what should change? give the feedback in words');
    const noTask = await runCli(['plan'], { cwd: repo.root, env: env() });
    expect(noTask.exitCode).toBe(2);
    expect(gateway.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);

    await runCli(['plan', 'greet and part'], { cwd: repo.root, env: env() });
    const revise = await runCli(['plan', '--revise', 'one step only', '--json'], { cwd: repo.root, env: env() });
    expect(revise.exitCode, revise.stderr).toBe(0);
    const ask = JSON.stringify(architectChats()[1].body?.messages?.at(-1));
    expect(ask).toContain('one step only');
    expect(ask).not.toContain('The plan was run');
  });
});

async function readdirPlans() {
  const { readdir } = await import('node:fs/promises');
  const dir = join(repo.root, '.tandem/plans');
  return Promise.all((await readdir(dir)).filter((n) => n.endsWith('.json')).map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8'))));
}
