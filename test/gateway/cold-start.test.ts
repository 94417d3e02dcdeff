import { afterEach, describe, expect, test } from 'vitest';
import { coldRole, createModelClient } from '../../src/gateway/openai-client.js';
import type { CallRecord } from '../../src/gateway/types.js';
import { startFakeGateway, type FakeGateway } from '../helpers/fake-gateway.js';
import { makeRole } from './make-role.js';

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const ask = { messages: [{ role: 'user' as const, content: 'hi' }] };

describe('cold-start timeout of a local model', () => {
  test('raises every timeout to coldStartMs', () => {
    const role = makeRole('http://127.0.0.1:1/v1', { coldStartMs: 180_000, timeouts: { connectMs: 30_000, firstTokenMs: 120_000, totalMs: 600_000 } });
    expect(coldRole(role).timeouts).toEqual({ connectMs: 180_000, firstTokenMs: 180_000, totalMs: 600_000 });
  });

  test('the first call may take as long as a cold load; once the model has answered, the normal timeout applies', async () => {
    gateway = await startFakeGateway({ routes: [{ replies: [{ text: 'loaded', delayMs: 500 }, { text: 'slow again', delayMs: 500 }] }] });
    const records: CallRecord[] = [];
    const role = makeRole(gateway.url, { local: true, coldStartMs: 5_000, timeouts: { connectMs: 150, firstTokenMs: 150, totalMs: 5_000 } });
    const client = createModelClient(role, { onCall: (r) => records.push(r) });
    expect((await client.complete(ask)).text).toBe('loaded');
    await expect(client.complete(ask)).rejects.toThrow(/timed out/);
    expect(records.map((r) => r.status)).toEqual(['ok', 'error']);
  });

  test('a role without coldStartMs keeps its normal timeout on the first call', async () => {
    gateway = await startFakeGateway({ routes: [{ replies: [{ text: 'slow', delayMs: 500 }] }] });
    const client = createModelClient(makeRole(gateway.url, { timeouts: { connectMs: 150, firstTokenMs: 150, totalMs: 5_000 } }));
    await expect(client.complete(ask)).rejects.toThrow(/timed out/);
  });
});
