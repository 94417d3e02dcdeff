import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { useGateways } from '../helpers/repo-gateway.js';
import { useTempDir } from '../helpers/temp-dir.js';

let dir: string;
const startGateway = useGateways();
useTempDir('tandem-doctor-cli-', (path) => (dir = path));

describe('tandem doctor through the built CLI', () => {
  test('prints the checklist and exits 0 when all pass, 1 when one fails', async () => {
    const gateway = await startGateway({ models: ['anthropic/claude-sonnet-4', 'auto_tandem_router'], routes: [{ replies: () => ({ text: 'OK', provider: '_tandem_local_router' }) }] });
    const env = { TANDEM_BASE_URL: gateway.url };
    const good = await runCli(['doctor'], { cwd: dir, env: { ...env, FASTROUTER_API_KEY: 'k' } });
    expect(good.exitCode, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^ok {4}config {2,}valid: defaults < environment$/m);
    expect(good.stdout).toMatch(/^ok {4}editor provider pin {2,}answered by _tandem_local_router, as pinned$/m);
    expect(good.stdout.trim().split('\n').at(-1)).toBe('All checks passed.');

    const bad = await runCli(['doctor'], { cwd: dir, env });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^FAIL {2}key FASTROUTER_API_KEY {2,}FASTROUTER_API_KEY is not set/m);
    expect(bad.stdout).toContain('fix: export FASTROUTER_API_KEY=<your');
  });

  test('--json prints the report; an invalid config exits 2', async () => {
    await writeFile(join(dir, 'tandem.config.json'), '{"gateway": {"baseURL": "not a url"}}');
    const run = await runCli(['doctor', '--json'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      exitCode: 2,
      checks: [
        {
          id: 'config',
          title: 'config',
          status: 'fail',
          detail: `invalid config in ${join(dir, 'tandem.config.json')}: gateway.baseURL: expected a URL`,
          fix: 'fix the key named above (see docs/configuration.md)',
        },
      ],
    });
  });
});
