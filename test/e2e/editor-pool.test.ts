import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { promptText } from '../helpers/editor-by-file.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const { repo, startGateway } = useRepoAndGateway({ 'README.md': '# pool\n' });

const POOL = 'http://gpu-1:11434,http://gpu-2:11434';

describe('tandem init --editor-pool', () => {
  it('Portkey: writes a loadbalance config over the hosts and says how to check them', async () => {
    const result = await runCli(['init', '--gateway', 'portkey', '--editor-pool', POOL], { cwd: repo.root });
    expect(result.exitCode, result.stderr).toBe(0);
    const config = JSON.parse(await readFile(join(repo.root, 'tandem.config.json'), 'utf8'));
    expect(config.editor.pool).toEqual(['http://gpu-1:11434', 'http://gpu-2:11434']);
    const pool = JSON.parse(config.editor.headers['x-portkey-config']);
    expect(pool.strategy).toEqual({ mode: 'loadbalance' });
    expect(pool.targets.map((t: { custom_host: string }) => t.custom_host)).toEqual(['http://gpu-1:11434/v1', 'http://gpu-2:11434/v1']);
    expect(result.stdout).toContain('Editor pool: 2 hosts (http://gpu-1:11434, http://gpu-2:11434)');
  });

  it("LiteLLM: records the pool and prints the proxy's model_list to paste", async () => {
    const result = await runCli(['init', '--gateway', 'litellm', '--editor-pool', POOL], { cwd: repo.root });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(repo.root, 'tandem.config.json'), 'utf8')).editor.pool).toHaveLength(2);
    expect(result.stdout).toContain('model_list:\n  - model_name: tandem-editor\n');
    expect(result.stdout).toContain('api_base: http://gpu-2:11434');
  });

  it('another gateway, or a single host: exit 2 and no file', async () => {
    const fastrouter = await runCli(['init', '--gateway', 'fastrouter', '--editor-pool', POOL], { cwd: repo.root });
    expect(fastrouter.exitCode).toBe(2);
    expect(fastrouter.stderr).toContain('--editor-pool works with --gateway portkey or litellm, not fastrouter');
    const single = await runCli(['init', '--gateway', 'portkey', '--editor-pool', 'http://gpu-1:11434'], { cwd: repo.root });
    expect(single.exitCode).toBe(2);
    expect(existsSync(join(repo.root, 'tandem.config.json'))).toBe(false);
  });
});

describe('--concurrency auto', () => {
  it('runs pool members x parallelPerHost editor calls at once (2 x 2 = 4 of 6 independent steps)', async () => {
    const files = Array.from({ length: 6 }, (_, i) => `src/m${i}.ts`);
    const plan = { summary: 'six modules', steps: files.map((file, i) => ({ title: `m${i}`, file, action: 'create', instructions: 'make it', depends_on: [] })) };
    const slow = 1500;
    const gateway = await startGateway({
      routes: [
        {
          replies: (req) => {
            const prompt = promptText(req);
            if (!files.some((f) => prompt.includes(f))) return { text: JSON.stringify(plan), promptTokens: 800, completionTokens: 200 };
            const i = files.findIndex((f) => prompt.includes(f));
            return { text: `\`\`\`ts\nexport const m${i} = ${i};\n\`\`\`\n`, delayMs: slow, promptTokens: 100, completionTokens: 10 };
          },
        },
      ],
    });
    const config = { editor: { pool: ['http://gpu-1:11434', 'http://gpu-2:11434'], parallelPerHost: 2 } };
    await writeFile(join(repo.root, 'tandem.config.json'), JSON.stringify(config));
    await repo.git('add', 'tandem.config.json');
    await repo.git('commit', '-qm', 'pool config');
    const env = cliEnv(gateway);
    const result = await runCli(['run', 'six modules', '--yes', '--concurrency', 'auto', '--json'], { cwd: repo.root, env });
    expect(result.exitCode, result.stderr).toBe(0);
    const editorCalls = gateway.requests.filter((r) => r.body?.model === 'auto_tandem_router').map((r) => r.time).sort((a, b) => a - b);
    expect(editorCalls).toHaveLength(6);
    // Four started before the first could finish; the fifth had to wait for one of them.
    expect(editorCalls[3] - editorCalls[0]).toBeLessThan(slow);
    expect(editorCalls[4] - editorCalls[0]).toBeGreaterThanOrEqual(slow - 50);
  });

  it('a bad value is a usage error', async () => {
    const result = await runCli(['apply', '--last', '--concurrency', 'many'], { cwd: repo.root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('expected a whole number of at least 1, got "many"');
  });
});
