import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedRole } from '../../src/config/types.js';
import { ExitCode, TandemError } from '../../src/errors.js';
import { readEgress } from '../../src/privacy/egress-ledger.js';
import { PrivacyGuard } from '../../src/privacy/guard.js';
import { countMessages, countTokens } from '../../src/tokens/count.js';
import { estimateTokens } from '../../src/tokens/estimate.js';
import { makeRole } from '../gateway/make-role.js';
import { scriptedClient } from './scripted-client.js';

const KEY = 'AKIA' + 'Q7W3E9R2T5Y8U1I4';
const FILE = `const id = "${KEY}";\n`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-guard-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function guard(editorLocal: boolean): PrivacyGuard {
  const role = (name: ResolvedRole['role'], local: boolean) => makeRole('http://127.0.0.1:1/v1', { role: name, model: `${name}-model`, local });
  const editor = { ...role('editor', editorLocal), provider: { only: ['_local'] } };
  return new PrivacyGuard({
    root,
    runId: 'run-1',
    privacy: 'standard',
    config: { architect: { ...role('architect', false), contextBudget: 1000 }, editor: { ...editor, editFormat: 'auto', wholeFileMaxLines: 100, editRetries: 0, escalate: false, parallelPerHost: 1, warmUp: false } },
  });
}

describe('PrivacyGuard', () => {
  it('redacts secrets for a cloud role and records the request; the architect\'s answer keeps its placeholders', async () => {
    const client = scriptedClient('architect', ['keep "[REDACTED:aws-access-key]" as is']);
    const result = await guard(true).complete(
      client,
      { messages: [{ role: 'user', content: `Fix this:\n${FILE}` }], meta: { runId: 'run-1', planId: 'p1', step: null } },
      { files: [{ path: 'src/a.ts', form: 'content', text: FILE }], pathsListed: 3, withheld: ['.env'] },
    );
    expect(client.requests[0].messages[0].content).toBe('Fix this:\nconst id = "[REDACTED:aws-access-key]";\n');
    expect(result.text).toBe('keep "[REDACTED:aws-access-key]" as is');
    const [record] = await readEgress(root);
    expect(record).toMatchObject({
      runId: 'run-1',
      planId: 'p1',
      step: null,
      role: 'architect',
      model: 'architect-model',
      provider: 'FastRouter',
      cloud: true,
      privacy: 'standard',
      bytes: Buffer.byteLength('Fix this:\nconst id = "[REDACTED:aws-access-key]";\n'),
      pathsListed: 3,
      withheld: ['.env'],
      redactions: { 'aws-access-key': 1 },
    });
    expect(record.files).toEqual([{ path: 'src/a.ts', form: 'content', bytes: Buffer.byteLength('const id = "[REDACTED:aws-access-key]";\n'), tokens: expect.any(Number), redactions: 1 }]);
    expect(record.tokens).toBeGreaterThan(10);
  });

  it('sends a local role the real text and records it as local, with its pinned provider', async () => {
    const client = scriptedClient('editor', ['done']);
    await guard(true).complete(client, { messages: [{ role: 'user', content: FILE }], meta: { runId: 'run-1', planId: 'p1', step: 0 } }, { files: [{ path: 'src/a.ts', form: 'content', text: FILE }] });
    expect(client.requests[0].messages[0].content).toBe(FILE);
    const [record] = await readEgress(root);
    expect(record).toMatchObject({ role: 'editor', step: 0, cloud: false, provider: '_local', redactions: {}, bytes: Buffer.byteLength(FILE) });
    expect(record.files[0]).toMatchObject({ bytes: Buffer.byteLength(FILE), redactions: 0 });
  });

  it('treats an editor without local: true as cloud, and gives its edit the real values back', async () => {
    const client = scriptedClient('editor', ['<<<<<<< SEARCH\nconst id = "[REDACTED:aws-access-key]";']);
    const result = await guard(false).complete(client, { messages: [{ role: 'user', content: FILE }] }, { files: [] });
    expect(client.requests[0].messages[0].content).not.toContain(KEY);
    expect(result.text).toBe(`<<<<<<< SEARCH\nconst id = "${KEY}";`);
    expect((await readEgress(root))[0].cloud).toBe(true);
  });

  it('takes every role for cloud when it does not know the roles', async () => {
    const client = scriptedClient('editor', ['done']);
    await new PrivacyGuard({ root, runId: 'run-2', privacy: 'outline' }).complete(client, { messages: [{ role: 'user', content: FILE }] }, { files: [] });
    expect(client.requests[0].messages[0].content).not.toContain(KEY);
    expect((await readEgress(root))[0]).toMatchObject({ runId: 'run-2', cloud: true, provider: '', privacy: 'outline' });
  });

  it('counts the ledger exactly with the tokenizer, not with the estimate that sized the view', async () => {
    const code = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    const exact = await countTokens(code);
    // The two differ on this text, so the test tells which one the ledger used.
    expect(estimateTokens(code)).not.toBe(exact);
    const messages = [{ role: 'user' as const, content: `Change this:\n${code}` }];
    await guard(true).complete(scriptedClient('editor', ['done']), { messages }, { files: [{ path: 'src/add.ts', form: 'content', text: code }] });
    const [record] = await readEgress(root);
    expect(record.files).toEqual([{ path: 'src/add.ts', form: 'content', bytes: Buffer.byteLength(code), tokens: exact, redactions: 0 }]);
    expect(record.tokens).toBe(await countMessages(messages));
  });

  it('records a failed call (its bytes may have left), but not one the budget refused before sending', async () => {
    const failing = scriptedClient('architect', []);
    await expect(guard(true).complete(failing, { messages: [{ role: 'user', content: 'hello' }] }, { files: [] })).rejects.toThrow('no answer left');
    expect(await readFile(join(root, '.tandem/egress.jsonl'), 'utf8')).toContain('"bytes":5');
    const refusing = { ...failing, complete: async () => Promise.reject(new TandemError('budget reached', { exitCode: ExitCode.budget })) };
    await expect(guard(true).complete(refusing, { messages: [{ role: 'user', content: 'hello again' }] }, { files: [] })).rejects.toThrow('budget reached');
    expect(await readEgress(root)).toHaveLength(1);
  });
});
