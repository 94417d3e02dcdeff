import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { BIN, isolatedHome, runCli } from '../helpers/cli.js';
import { editorByFile, promptText as prompt } from '../helpers/editor-by-file.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

// A file too long for a whole-file first try (editor.wholeFileMaxLines is 150) that still fits the editor's window.
const BIG = Array.from({ length: 200 }, (_, i) => `export const value${i} = ${i};\n`).join('');
const FILES = {
  'src/clamp.ts': 'export const lowest = 0;\n',
  'src/other.ts': 'export const other = 1;\n',
  'src/util.ts': 'export const limit = 10;\n',
  'src/big.ts': BIG,
};

const step = (title: string, file: string, depends_on: number[] = []) => ({ title, file, action: 'edit', instructions: `${title}.`, depends_on });
const planReply = (steps: unknown[]): ScriptedReply => ({ text: JSON.stringify({ summary: 'Test plan.', steps }), promptTokens: 1000, completionTokens: 200, provider: 'anthropic' });
const editorReply = (text: string): ScriptedReply => ({ text, promptTokens: 500, completionTokens: 100, provider: '_tandem_local_router' });
const whole = (path: string, content: string) => editorReply(`${path}\n\`\`\`ts\n${content}\`\`\`\n`);

/** The step's file line in an editor prompt. */
const fileLine = (path: string) => `File: ${path} (`;
const editorRequests = (g: FakeGateway, path: string) => g.requests.filter((r) => r.body?.provider && prompt(r).includes(fileLine(path)));

const { repo, startGateway } = useRepoAndGateway(FILES);

describe('dependency context', () => {
  it("sends step 3 the diff step 1 committed, labelled as context, and no other step's", async () => {
    const clamp = 'export const lowest = 0;\n\nexport function clamp(x: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, x));\n}\n';
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: [planReply([step('Add clamp', 'src/clamp.ts'), step('Bump other', 'src/other.ts'), step('Use clamp', 'src/util.ts', [0])])] },
        {
          match: matchProviderPinned(),
          replies: editorByFile({
            'src/clamp.ts': [whole('src/clamp.ts', clamp)],
            'src/other.ts': [whole('src/other.ts', 'export const other = 2;\n')],
            'src/util.ts': [whole('src/util.ts', "import { clamp } from './clamp';\n\nexport const limit = clamp(10, 0, 5);\n")],
          }, fileLine),
        },
      ],
    });
    const run = await runCli(['run', 'add clamp and use it', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'applied', 'applied']);

    const [util] = editorRequests(gateway, 'src/util.ts');
    const user = String(util.body?.messages?.at(-1)?.content);
    expect(user).toContain('Context, already applied: the steps this step depends on changed src/clamp.ts as below. Do not edit those files');
    expect(user).toContain('Step 1: Add clamp (src/clamp.ts), its diff:\n```diff\n@@ -1 +1,5 @@\n export const lowest = 0;\n+\n+export function clamp(x: number, lo: number, hi: number): number {\n+  return Math.min(hi, Math.max(lo, x));\n+}\n```');
    // The context comes before the file to edit, which stays the last thing in the prompt.
    expect(user.indexOf('Step 1: Add clamp')).toBeLessThan(user.indexOf('Current content of src/util.ts:'));
    expect(user).not.toContain('src/other.ts');
    // Steps without dependencies get no context.
    expect(prompt(editorRequests(gateway, 'src/other.ts')[0])).not.toContain('Context, already applied');
    // The egress ledger records the dependency's diff as sent with step 3.
    const ledger = (await readFile(join(repo.root, '.tandem/egress.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const sent = ledger.find((r) => r.role === 'editor' && r.step === 2);
    expect(sent.files.map((f: { path: string; form: string }) => [f.path, f.form])).toEqual([['src/util.ts', 'content'], ['src/clamp.ts', 'excerpt']]);
  });
});

describe('format escalation', () => {
  const bad = editorReply('src/big.ts\n<<<<<<< SEARCH\nexport const nowhere = 1;\n=======\nexport const nowhere = 2;\n>>>>>>> REPLACE\n');
  const changed = BIG.replace('export const value7 = 7;\n', 'export const value7 = 70;\n');
  const scripted = (extra: ScriptedReply[]) => [
    { match: matchNotPinned(), replies: [planReply([step('Set value7 to 70', 'src/big.ts')])] },
    { match: matchProviderPinned(), replies: editorByFile({ 'src/big.ts': [bad, bad, bad, ...extra] }, fileLine) },
  ];

  it('asks the same editor for the whole file after the search/replace retries fail, applies it and says so', async () => {
    const gateway = await startGateway({ routes: scripted([whole('src/big.ts', changed)]) });
    const run = await runCli(['run', 'set value7 to 70', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.steps[0]).toMatchObject({ status: 'applied', attempts: 4, format: 'whole', model: 'auto_tandem_router' });
    expect(await readFile(join(repo.root, 'src/big.ts'), 'utf8')).toBe(changed);

    const calls = editorRequests(gateway, 'src/big.ts');
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => c.body?.model === 'auto_tandem_router')).toBe(true);
    expect(String(calls[0].body?.messages?.[0].content)).toContain('SEARCH');
    expect(String(calls[3].body?.messages?.[0].content)).toContain('by writing its complete new content');
    expect(String(calls[3].body?.messages?.at(-1)?.content)).toContain('Answer differently this time: send the complete new content of src/big.ts');
  });

  it('prints `whole` in the table at 80x24', async () => {
    const gateway = await startGateway({ routes: scripted([whole('src/big.ts', changed)]) });
    const command = `stty cols 80 rows 24; node ${BIN} run 'set value7 to 70' --yes`;
    const run = await execa('script', ['-qec', command, '/dev/null'], {
      cwd: repo.root,
      reject: false,
      env: { HOME: await isolatedHome(), NO_COLOR: '1', PATH: process.env.PATH ?? '', ...cliEnv(gateway) },
      extendEnv: false,
      timeout: 60_000,
    });
    expect(run.exitCode, String(run.stdout)).toBe(0);
    const lines = String(run.stdout).replace(/\r/g, '').split('\n');
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(/^1 +src\/big\.ts +auto_tandem_router .* applied \(whole, 4 attempts\)$/);
  }, 60_000);

  it('refuses a whole file that drops most of the lines, and does not escalate with editor.escalate false', async () => {
    let gateway = await startGateway({ routes: scripted([whole('src/big.ts', 'export const value7 = 70;\n')]) });
    const shrunk = await runCli(['run', 'set value7 to 70', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(shrunk.exitCode).toBe(1);
    expect(JSON.parse(shrunk.stdout).steps[0]).toMatchObject({ status: 'failed', attempts: 4, reason: 'the whole-file answer drops 199 of 200 lines, which the step does not ask for' });
    expect(await readFile(join(repo.root, 'src/big.ts'), 'utf8')).toBe(BIG);
    await gateway.close();

    await repo.git('checkout', '-q', 'main');
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify({ editor: { escalate: false } }));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'config');
    gateway = await startGateway({ routes: scripted([whole('src/big.ts', changed)]) });
    const off = await runCli(['run', 'set value7 to 70', '--yes', '--json'], { cwd: repo.root, env: cliEnv(gateway) });
    expect(off.exitCode).toBe(1);
    expect(JSON.parse(off.stdout).steps[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(editorRequests(gateway, 'src/big.ts')).toHaveLength(3);
  });
});
