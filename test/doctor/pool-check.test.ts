import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runDoctor } from '../../src/doctor/run-doctor.js';
import { startFakeGateway } from '../helpers/fake-gateway.js';
import { useGateways } from '../helpers/repo-gateway.js';
import { useTempDir } from '../helpers/temp-dir.js';

let dir: string;
const startGateway = useGateways();
useTempDir('tandem-doctor-pool-', (path) => (dir = path));

describe('tandem doctor with an editor pool not behind Portkey (LiteLLM balances by its own list)', () => {
  test("reads each host's model list: a live host passes, a dead one fails with the fix", async () => {
    const live = await startGateway({ models: ['qwen2.5-coder:7b-instruct'], routes: [{ replies: () => ({ text: 'OK' }) }] });
    const dead = await startFakeGateway({});
    const deadUrl = dead.url;
    await dead.close();
    const pool = [live.url.replace(/\/v1$/, ''), deadUrl.replace(/\/v1$/, '')];
    const config = { gateway: { baseURL: live.url, name: 'LiteLLM' }, architect: { model: 'claude-sonnet-4' }, editor: { model: 'qwen2.5-coder:7b-instruct', local: true, pool } };
    await writeFile(join(dir, 'tandem.config.json'), JSON.stringify(config));
    const report = await runDoctor({ root: dir, env: { HOME: dir, TANDEM_API_KEY: 'k' }, timeoutMs: 2000 });
    const members = report.checks.filter((c) => c.id === 'editor-pool');
    expect(members.map((c) => [c.title, c.status])).toEqual([
      [`editor pool member 1/2 (${pool[0]})`, 'pass'],
      [`editor pool member 2/2 (${pool[1]})`, 'fail'],
    ]);
    expect(members[0].detail).toMatch(/^answered in \d+\.\d s with 1 model$/);
    expect(members[1].detail).toMatch(/^unreachable: /);
    expect(members[1].fix).toContain('ollama serve');
    expect(report.exitCode).toBe(1);
  });
});
