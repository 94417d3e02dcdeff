import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchModel, matchNotPinned, matchProviderPinned, startFakeGateway, type CapturedRequest, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

// Planted secrets, assembled from parts so no scanner takes this test file for a leak.
const AWS_KEY = 'AKIA' + 'Q7W3E9R2T5Y8U1I4';
const AWS_SECRET = 'x9Lm2Qw8Er5Ty1Ui4Op7' + 'As3Df6Gh0Jk2Lz5Xc8Vb';
const OPENAI_KEY = 'sk-proj-' + 'PLANTEDopenaiKEY0123456789abcdef';
const PEM_BODY = 'b3BlbnNzaC1rZXktdjEAAAAA' + 'PLANTEDPEMBODY';
const SECRETS = [AWS_KEY, AWS_SECRET, OPENAI_KEY, PEM_BODY, 'INTERNAL_MARKER_77'];

const AWS_TS = `export const ACCESS_KEY_ID = "${AWS_KEY}";

export function bucketUrl(bucket: string): string {
  const BODY_AWS_MARKER = bucket.length;
  return \`https://\${bucket}.s3.amazonaws.com/\${BODY_AWS_MARKER}\`;
}
`;
const MATH_TS = 'export function add(a: number, b: number): number {\n  // BODY_MATH_MARKER\n  return a + b;\n}\n';
const BODIES = ['BODY_AWS_MARKER', 'BODY_MATH_MARKER', 'return a + b'];

const FILES: Record<string, string> = {
  '.gitignore': '.env\n',
  '.tandemignore': 'internal/\n',
  // Ignored by .gitignore, so never committed: the secrets a developer keeps next to the code.
  '.env': `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\nOPENAI_API_KEY=${OPENAI_KEY}\n`,
  'config/deploy.key': `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----\n`,
  'internal/notes.md': '# Notes\nINTERNAL_MARKER_77\n',
  'src/aws.ts': AWS_TS,
  'src/math.ts': MATH_TS,
};

const AWS_STEP = { title: 'Read the key from the environment', file: 'src/aws.ts', action: 'edit', instructions: 'Replace the hard-coded ACCESS_KEY_ID with process.env.AWS_ACCESS_KEY_ID.', depends_on: [] };
const NEW_KEY_LINE = "export const ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID ?? '';";
const awsEdit = (key: string) => `src/aws.ts\n<<<<<<< SEARCH\nexport const ACCESS_KEY_ID = "${key}";\n=======\n${NEW_KEY_LINE}\n>>>>>>> REPLACE\n`;

const architect = (value: unknown): ScriptedReply => ({ text: JSON.stringify(value), promptTokens: 1000, completionTokens: 100, provider: 'anthropic' });
const local = (text: string): ScriptedReply => ({ text, promptTokens: 300, completionTokens: 50, provider: '_tandem_local_router' });
// A message's text, whether sent as a string or as text parts (the cache-marked prefix of a Claude request).
const contentText = (content: unknown): string => (Array.isArray(content) ? content.map((part: { text?: string }) => part.text ?? '').join('') : String(content));
const text = (r: CapturedRequest): string => (r.body?.messages ?? []).map((m) => contentText(m.content)).join('\n');
const chats = (g: FakeGateway) => g.requests.filter((r) => r.path === '/v1/chat/completions');
const env = (g: FakeGateway) => ({ TANDEM_BASE_URL: g.url, TANDEM_API_KEY: 'test-key' });
const ledger = async (root: string) => (await readFile(join(root, '.tandem/egress.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

let repo: GitFixture | undefined;
let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  await repo?.cleanup();
  gateway = undefined;
  repo = undefined;
});

describe('the privacy boundary, end to end against the fake gateway', () => {
  it('standard: withheld files never leave, inline secrets reach the cloud architect only as placeholders, the local editor gets the real file', async () => {
    repo = await gitFixture(FILES);
    expect(await repo.git('ls-files')).toBe('.gitignore\n.tandemignore\nconfig/deploy.key\ninternal/notes.md\nsrc/aws.ts\nsrc/math.ts');
    const plan = { summary: 'Stop hard-coding the key.', steps: [AWS_STEP, { title: 'Add the key', file: '.env', action: 'edit', instructions: 'Add AWS_ACCESS_KEY_ID.', depends_on: [] }] };
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect({ need_files: ['.env', 'config/deploy.key', 'internal/notes.md', 'src/aws.ts'] }), architect(plan)] },
        { match: matchProviderPinned(), replies: [local(awsEdit(AWS_KEY))] },
      ],
    });
    const run = await runCli(['run', 'stop hard-coding the AWS key', '--yes', '--json'], { cwd: repo.root, env: env(gateway) });
    expect(run.exitCode, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.steps.map((s: { status: string }) => s.status)).toEqual(['applied', 'failed']);
    expect(report.steps[1].reason).toBe('.env is withheld, a secret file (keys, credentials, .env): tandem never sends it to a model');
    expect(await readFile(join(repo.root, 'src/aws.ts'), 'utf8')).toBe(AWS_TS.replace(`export const ACCESS_KEY_ID = "${AWS_KEY}";`, NEW_KEY_LINE));

    const [first, second, ...rest] = chats(gateway);
    expect(rest).toHaveLength(1);
    for (const request of [first, second]) {
      expect(request.body?.provider).toBeUndefined();
      for (const secret of SECRETS) expect(text(request)).not.toContain(secret);
    }
    // The map leaves withheld files out; the follow-up says they were withheld and carries the key as a placeholder.
    expect(text(first)).not.toContain('config/deploy.key');
    expect(text(first)).not.toContain('internal/notes.md');
    expect(text(first)).toContain('src/aws.ts\n  export const ACCESS_KEY_ID\n  export function bucketUrl(bucket: string): string');
    expect(text(second)).toContain('- .env: withheld: a secret file (keys, credentials, .env)');
    expect(text(second)).toContain('- config/deploy.key: withheld: a secret file (keys, credentials, .env)');
    expect(text(second)).toContain('- internal/notes.md: withheld: matched by .tandemignore');
    expect(text(second)).toContain('export const ACCESS_KEY_ID = "[REDACTED:aws-access-key]";');
    // The local editor sees the real file, key and body; nothing of the withheld files.
    const editor = rest[0];
    expect(editor.body?.provider).toEqual({ only: ['_tandem_local_router'] });
    expect(text(editor)).toContain(`export const ACCESS_KEY_ID = "${AWS_KEY}";`);
    expect(text(editor)).toContain('BODY_AWS_MARKER');
    for (const secret of [AWS_SECRET, OPENAI_KEY, PEM_BODY, 'INTERNAL_MARKER_77']) expect(text(editor)).not.toContain(secret);

    const records = await ledger(repo.root);
    expect(records.map((r) => [r.role, r.cloud, r.step])).toEqual([
      ['architect', true, null],
      ['architect', true, null],
      ['editor', false, 0],
    ]);
    expect(records[1].withheld).toEqual(['.env', 'config/deploy.key', 'internal/notes.md']);
    expect(records[1].redactions).toEqual({ 'aws-access-key': 1 });
    const awsSent = records[1].files.find((f: { path: string; form: string }) => f.path === 'src/aws.ts' && f.form === 'content');
    expect(awsSent).toMatchObject({ bytes: Buffer.byteLength(AWS_TS.replace(AWS_KEY, '[REDACTED:aws-access-key]')), redactions: 1 });
    expect(records[1].bytes).toBe((second.body?.messages ?? []).reduce((sum, m) => sum + Buffer.byteLength(contentText(m.content)), 0));
    expect(records[2].files).toEqual([{ path: 'src/aws.ts', form: 'content', bytes: Buffer.byteLength(AWS_TS), tokens: expect.any(Number), redactions: 0 }]);

    const egress = await runCli(['egress', '--json'], { cwd: repo.root });
    expect(egress.exitCode, egress.stderr).toBe(0);
    const [runEgress] = JSON.parse(egress.stdout).runs;
    expect(runEgress).toMatchObject({ calls: 3, cloudBytes: records[0].bytes + records[1].bytes, localBytes: records[2].bytes, redactions: 1, privacy: ['standard'] });
    expect(runEgress.withheld).toEqual(['.env', 'config/deploy.key', 'internal/notes.md']);
    const table = await runCli(['egress'], { cwd: repo.root });
    expect(table.stdout).toMatch(/Run\s+Started\s+Privacy\s+Calls\s+To the cloud\s+To local models\s+Redacted\s+Withheld/);
    expect(table.stdout).toContain('Withheld (never sent): .env, config/deploy.key, internal/notes.md');
  });

  it('outline: the cloud architect gets signatures and never a body, even of files it asks for; the editor gets the body', async () => {
    repo = await gitFixture(FILES);
    const mathStep = { title: 'Add subtract', file: 'src/math.ts', action: 'edit', instructions: 'Add subtract(a, b) below add.', depends_on: [] };
    const edit = 'src/math.ts\n<<<<<<< SEARCH\n  return a + b;\n}\n=======\n  return a + b;\n}\n\nexport function subtract(a: number, b: number): number {\n  return a - b;\n}\n>>>>>>> REPLACE\n';
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect({ need_files: ['src/math.ts', 'src/aws.ts'] }), architect({ summary: 'Subtract.', steps: [mathStep] })] },
        { match: matchProviderPinned(), replies: [local(edit)] },
      ],
    });
    const run = await runCli(['run', 'add subtract next to add', '--yes', '--json', '--privacy', 'outline', '--file', 'src/math.ts'], { cwd: repo.root, env: env(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    const [first, second, editor] = chats(gateway);
    for (const request of [first, second]) {
      for (const leak of [...SECRETS, ...BODIES]) expect(text(request)).not.toContain(leak);
    }
    expect(text(first)).toContain('--- src/math.ts (outline: signatures only)\nexport function add(a: number, b: number): number');
    expect(text(first)).toContain('no file content leaves the developer');
    expect(text(second)).toContain('Here are the files you asked for, as outlines (signatures only');
    expect(text(second)).toContain('--- src/aws.ts (outline: signatures only)\nexport const ACCESS_KEY_ID\nexport function bucketUrl(bucket: string): string\n');
    expect(text(editor)).toContain('BODY_MATH_MARKER');
    expect(text(editor)).toContain('return a + b;');
    const records = await ledger(repo.root);
    expect(records[1].files.filter((f: { form: string }) => f.form !== 'outline')).toEqual([]);
    expect(records.map((r) => r.privacy)).toEqual(['outline', 'outline', 'outline']);
  });

  it('local-summary: the local model summarizes what the architect asks for, and only the summary goes to the cloud', async () => {
    repo = await gitFixture(FILES);
    const summary = 'Exports add(a, b): the sum of two numbers.';
    const byPrompt = (req: CapturedRequest): ScriptedReply =>
      text(req).includes('Summarize the file below') ? local(summary) : local(awsEdit(AWS_KEY));
    gateway = await startFakeGateway({
      routes: [
        { match: matchNotPinned(), replies: [architect({ need_files: ['src/math.ts', '.env'] }), architect({ summary: 'Key.', steps: [AWS_STEP] })] },
        { match: matchProviderPinned(), replies: byPrompt },
      ],
    });
    const run = await runCli(['run', 'stop hard-coding the key', '--yes', '--json', '--privacy', 'local-summary'], { cwd: repo.root, env: env(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    const [first, summarize, second, editor] = chats(gateway);
    expect(text(summarize)).toContain('BODY_MATH_MARKER');
    expect(summarize.body?.provider).toEqual({ only: ['_tandem_local_router'] });
    for (const request of [first, second]) {
      for (const leak of [...SECRETS, ...BODIES]) expect(text(request)).not.toContain(leak);
    }
    expect(text(second)).toContain(`--- src/math.ts (summary written by a local model)\n${summary}\n`);
    expect(text(second)).toContain('- .env: withheld: a secret file');
    expect(text(editor)).toContain(AWS_KEY);
    const records = await ledger(repo.root);
    expect(records.map((r) => [r.role, r.cloud, r.files.map((f: { path: string; form: string }) => `${f.path}:${f.form}`).filter((f: string) => f.startsWith('src/math'))])).toEqual([
      ['architect', true, ['src/math.ts:outline']],
      ['editor', false, ['src/math.ts:content']],
      ['architect', true, ['src/math.ts:outline', 'src/math.ts:summary']],
      ['editor', false, []],
    ]);
  });

  it('a cloud fallback gets placeholders, and its edit quoting one still applies to the real file', async () => {
    const config = { editor: { maxRetries: 0, fallback: { model: 'openai/gpt-4o-mini' } } };
    repo = await gitFixture({ ...FILES, 'tandem.config.json': JSON.stringify(config) });
    gateway = await startFakeGateway({
      routes: [
        { match: matchModel('openai/gpt-4o-mini'), replies: [{ ...local(awsEdit('[REDACTED:aws-access-key]')), provider: 'openai' }] },
        { match: matchNotPinned(), replies: [architect({ summary: 'Key.', steps: [AWS_STEP] })] },
        { match: matchProviderPinned(), replies: [local(awsEdit('AKIA-no-such-line'))] },
      ],
    });
    const run = await runCli(['run', 'stop hard-coding the key', '--yes', '--json'], { cwd: repo.root, env: env(gateway) });
    expect(run.exitCode, run.stderr).toBe(0);
    const [, localTry, fallback] = chats(gateway);
    expect(text(localTry)).toContain(AWS_KEY);
    expect(fallback.body?.model).toBe('openai/gpt-4o-mini');
    expect(text(fallback)).not.toContain(AWS_KEY);
    expect(text(fallback)).toContain('export const ACCESS_KEY_ID = "[REDACTED:aws-access-key]";');
    const after = await readFile(join(repo.root, 'src/aws.ts'), 'utf8');
    expect(after).toBe(AWS_TS.replace(`export const ACCESS_KEY_ID = "${AWS_KEY}";`, NEW_KEY_LINE));
    const records = await ledger(repo.root);
    // The map shows `export const ACCESS_KEY_ID` without its value, so the architect request needs no redaction.
    expect(records.map((r) => [r.role, r.cloud, r.redactions['aws-access-key'] ?? 0])).toEqual([
      ['architect', true, 0],
      ['editor', false, 0],
      ['fallback', true, 2],
    ]);
  });
});
