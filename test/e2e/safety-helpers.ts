import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { BIN, cliRunOptions, isolatedHome } from '../helpers/cli.js';
import type { CapturedRequest, FakeGateway } from '../helpers/fake-gateway.js';
import { cliEnv } from '../helpers/repo-gateway.js';

/** Two small files, so a plan can edit either. */
export const FILES = {
  'src/a.ts': 'export const a = 1;\n',
  'src/b.ts': 'export const b = 1;\n',
};

/** A search/replace answer that bumps the constant in `src/<name>.ts`. */
export function bump(name: string): string {
  return `src/${name}.ts\n<<<<<<< SEARCH\nexport const ${name} = 1;\n=======\nexport const ${name} = 2;\n>>>>>>> REPLACE\n`;
}

/** A plan step in the saved-plan shape. */
export function step(file: string, depends_on: number[] = [], action = 'edit') {
  return { title: `change ${file}`, file, action, instructions: 'bump it', depends_on };
}

/** Writes a saved plan as `tandem plan` would, so `apply` can run it without an architect call. */
export async function savePlanFile(root: string, id: string, steps: unknown[], createdAt = new Date().toISOString()): Promise<void> {
  await mkdir(join(root, '.tandem/plans'), { recursive: true });
  await writeFile(join(root, '.tandem/.gitignore'), '*\n');
  const architect = { model: 'anthropic/claude-sonnet-4', provider: 'anthropic', promptTokens: 100, completionTokens: 10, latencyMs: 5, costUsd: 0.00045 };
  await writeFile(join(root, '.tandem/plans', `${id}.json`), JSON.stringify({ id, task: 'bump', createdAt, baseCommit: null, summary: 'bump', steps, architect }, null, 2));
}

/** Chat calls the gateway received. */
export function chats(gateway: FakeGateway): CapturedRequest[] {
  return gateway.requests.filter((r) => r.path === '/v1/chat/completions');
}

/** The gateway and key variables for the CLI. */
export const gatewayEnv = (g: FakeGateway) => ({ ...cliEnv(g), GIT_CONFIG_NOSYSTEM: '1' });

const home = await isolatedHome();

/** Starts the built CLI without waiting for it, as a second terminal would (not async: the result is the running process). */
export function startCli(args: string[], cwd: string, env: Record<string, string>): ResultPromise<ReturnType<typeof cliRunOptions>> {
  return execa('node', [BIN, ...args], cliRunOptions(cwd, { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', ...env }));
}

/** Waits until `condition` holds, polling; fails the test after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
