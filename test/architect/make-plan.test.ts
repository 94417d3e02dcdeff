import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePlan, PlanError } from '../../src/architect/make-plan.js';
import { readEgress } from '../../src/privacy/egress-ledger.js';
import { PrivacyGuard } from '../../src/privacy/guard.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';
import { scriptedClient } from '../privacy/scripted-client.js';

const KEY = 'AKIA' + 'Q7W3E9R2T5Y8U1I4';
const PLAN = { summary: 'Do it.', steps: [{ title: 'Edit', file: 'src/a.ts', action: 'edit', instructions: 'Change a.', depends_on: [] }] };
const A_TS = `export function a(): string {\n  return "${KEY}"; // BODY\n}\n`;

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture({ '.gitignore': '.env\n', 'src/a.ts': A_TS, 'src/b.ts': 'export const b = 2;\n' });
  await writeFile(join(repo.root, '.env'), 'X=1\n');
});
afterEach(() => repo.cleanup());

const plan = (answers: unknown[], over: Partial<Parameters<typeof makePlan>[0]> = {}) => {
  const client = scriptedClient('architect', answers.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))));
  const made = makePlan({ task: 'update src/a.ts', root: repo.root, client, namedFiles: [], contextBudget: 4000, meta: { runId: 'run-1', planId: 'plan-1' }, ...over });
  return { client, made };
};

describe('makePlan', () => {
  it('sends the repository map, answers need_files within the privacy rules, and records every request', async () => {
    const rounds: string[] = [];
    const { client, made } = plan([{ need_files: ['src/a.ts', '.env', 'nope.ts'] }, PLAN], { onRound: (r) => rounds.push(r) });
    expect((await made).plan).toEqual(PLAN);
    expect(rounds).toEqual(['plan', 'files']);
    const [first, second] = client.requests.map((r) => r.messages);
    expect(first[1].content).toContain('Repository (3 files):\nsrc/a.ts\n  export function a(): string\n');
    expect(second).toHaveLength(5);
    expect(second[4].content).toContain(`--- src/a.ts\n\`\`\`\nexport function a(): string {\n  return "[REDACTED:aws-access-key]"; // BODY\n}\n\`\`\``);
    expect(second[4].content).toContain('- .env: withheld: a secret file (keys, credentials, .env)\n- nope.ts: no such file');
    expect(JSON.stringify(client.requests)).not.toContain(KEY);
    const ledger = await readEgress(repo.root);
    expect(ledger.map((r) => [r.role, r.cloud, r.files.map((f) => `${f.path}:${f.form}`)])).toEqual([
      ['architect', true, ['src/a.ts:outline', 'src/b.ts:outline', '.gitignore:outline']],
      ['architect', true, ['src/a.ts:outline', 'src/b.ts:outline', '.gitignore:outline', 'src/a.ts:content']],
    ]);
    expect(ledger[1].withheld).toEqual(['.env', 'nope.ts']);
  });

  it('under outline sends named and requested files as outlines, never bodies', async () => {
    const { client, made } = plan([{ need_files: ['src/b.ts'] }, PLAN], { privacy: 'outline', namedFiles: ['src/a.ts'] });
    await made;
    const all = JSON.stringify(client.requests.map((r) => r.messages));
    expect(all).not.toContain('BODY');
    expect(all).not.toContain('return');
    expect(client.requests[0].messages[2].content).toContain('--- src/a.ts (outline: signatures only)\nexport function a(): string');
    expect(client.requests[1].messages[4].content).toContain('--- src/b.ts (outline: signatures only)\nexport const b');
  });

  it('uses the guard it is given', async () => {
    const guard = new PrivacyGuard({ root: repo.root, runId: 'run-9', privacy: 'outline' });
    await plan([PLAN], { guard, privacy: 'outline' }).made;
    expect((await readEgress(repo.root))[0]).toMatchObject({ runId: 'run-1', privacy: 'outline' });
  });

  it('repairs once, then gives up with the raw answer', async () => {
    expect((await plan(['not json', PLAN]).made).plan).toEqual(PLAN);
    const failing = plan([{ need_files: ['src/a.ts'] }, { need_files: ['src/b.ts'] }, 'still not a plan']).made;
    await expect(failing).rejects.toBeInstanceOf(PlanError);
    await expect(failing).rejects.toMatchObject({ raw: 'still not a plan' });
  });
});
