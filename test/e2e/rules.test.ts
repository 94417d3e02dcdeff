import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { promptText as bodyText } from '../helpers/editor-by-file.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const AGENTS = '# House rules\nMoney is always integer cents (RULE-MONEY-CENTS).\n';
const STYLE = 'Name every export in camelCase (RULE-STYLE-CAMEL).\n';
const PLAN = {
  summary: 'Add two helpers.',
  steps: [
    { title: 'Add cents', file: 'src/money.ts', action: 'create', instructions: 'Export toCents(x) returning Math.round(x * 100).', depends_on: [] },
    { title: 'Add euros', file: 'src/euro.ts', action: 'create', instructions: 'Export toEuros(c) returning c / 100.', depends_on: [] },
  ],
};
const files: Record<string, string> = {
  'src/money.ts': '```ts\nexport const toCents = (x: number): number => Math.round(x * 100);\n```\n',
  'src/euro.ts': '```ts\nexport const toEuros = (c: number): number => c / 100;\n```\n',
};

const { repo, startGateway } = useRepoAndGateway({
  'AGENTS.md': AGENTS,
  'docs/style.md': STYLE,
  'tandem.config.json': JSON.stringify({ rules: ['docs/style.md'] }),
  'README.md': '# shop\n',
});

describe('project rules end to end', () => {
  it('sends AGENTS.md and config rules to the architect and to every editor call, and says so in plan --json and the egress ledger', async () => {
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [{ text: JSON.stringify(PLAN), provider: 'anthropic' }] },
        {
          match: matchProviderPinned(),
          replies: (req) => {
            const file = Object.keys(files).find((path) => bodyText(req).includes(`${path} does not exist yet`));
            return file ? { text: files[file], provider: '_tandem_local_router' } : { status: 500, error: 'no such file in the script' };
          },
        },
      ],
    });
    const env = cliEnv(gateway);
    const plan = await runCli(['plan', 'money helpers', '--json'], { cwd: repo.root, env });
    expect(plan.exitCode).toBe(0);
    expect(JSON.parse(plan.stdout).plan.rules).toEqual(['AGENTS.md', 'docs/style.md']);
    const apply = await runCli(['apply', '--last', '--json'], { cwd: repo.root, env });
    expect(apply.exitCode).toBe(0);

    const chats = gateway.requests.filter((r) => r.path === '/v1/chat/completions');
    const architect = chats.filter((r) => !r.body?.provider);
    const editors = chats.filter((r) => r.body?.provider);
    expect(architect).toHaveLength(1);
    expect(editors).toHaveLength(2);
    const system = String(architect[0].body?.messages?.[0].content);
    expect(system).toContain('--- AGENTS.md\n```markdown\n# House rules\nMoney is always integer cents (RULE-MONEY-CENTS).\n```');
    expect(system).toContain('RULE-STYLE-CAMEL');
    for (const editor of editors) {
      expect(bodyText(editor)).toContain('RULE-MONEY-CENTS');
      expect(bodyText(editor)).toContain('RULE-STYLE-CAMEL');
    }
    const ledger = (await readFile(join(repo.root, '.tandem/egress.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(ledger).toHaveLength(3);
    for (const record of ledger) {
      expect(record.files.filter((f: { form: string }) => f.form === 'rules').map((f: { path: string }) => f.path)).toEqual(['AGENTS.md', 'docs/style.md']);
    }
  });
});
