import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import { useGateways } from '../helpers/repo-gateway.js';
import { useTempDir } from '../helpers/temp-dir.js';

let dir: string;
const startGateway = useGateways();
useTempDir('tandem-doctor-', (path) => (dir = path));

describe('tandem doctor: cold and warm latency of a local editor', () => {
  test('calls a local editor twice and reports the first (cold) and second (warm) latency', async () => {
    const gateway = await startGateway({ warmUp: { text: 'OK', delayMs: 1_000 }, routes: [{ replies: [{ text: 'OK', provider: '_tandem_local_router' }] }] });
    await writeFile(join(dir, 'tandem.config.json'), JSON.stringify({ gateway: { baseURL: gateway.url } }));
    const report = await runDoctor({ root: dir, env: { HOME: dir, TANDEM_API_KEY: 'k' }, timeoutMs: 5_000 });
    const call = report.checks.find((c) => c.id === 'editor-call')!;
    expect(call.status).toBe('pass');
    expect(call.detail).toMatch(/^answered in \d+\.\d s cold \(the first call loads the model if it was not loaded\), \d+\.\d s warm, through _tandem_local_router$/);
    expect(call.measured!.coldMs).toBeGreaterThanOrEqual(1_000);
    expect(gateway.warmUps).toHaveLength(1);
    expect(gateway.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1);
  });

  test('calls a cloud editor once, with no cold or warm figures', async () => {
    const gateway = await startGateway({ routes: [{ replies: [{ text: 'OK' }] }] });
    await writeFile(join(dir, 'tandem.config.json'), JSON.stringify({ gateway: { baseURL: gateway.url }, editor: { model: 'gpt-4o-mini' } }));
    const report = await runDoctor({ root: dir, env: { HOME: dir, TANDEM_API_KEY: 'k' }, timeoutMs: 5_000 });
    const call = report.checks.find((c) => c.id === 'editor-call')!;
    expect(call.detail).toMatch(/^answered in \d+\.\d s through /);
    expect(call.measured).toBeUndefined();
    expect(gateway.warmUps).toHaveLength(0);
  });
});
