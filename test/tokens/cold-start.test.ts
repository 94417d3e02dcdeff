import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';

/** Every module URL the CLI resolves for `args`, recorded by a module resolve hook. */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-cold-'));
  const trace = join(dir, 'modules.txt');
  try {
    const hooks =
      "import { appendFileSync } from 'node:fs';" +
      `export async function resolve(specifier, context, next) { const result = await next(specifier, context); appendFileSync(${JSON.stringify(trace)}, result.url + '\\n'); return result; }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const run = await execa('node', ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args], { reject: false, stdin: 'ignore' });
    expect(run.exitCode, run.stderr).toBe(0);
    return (await readFile(trace, 'utf8')).trim().split('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether `name` was loaded: from node_modules, or as its chunk of the bundle (dist/bundle/vendor-<name>-<hash>.js). */
const loads = (urls: string[], name: string): boolean => urls.some((url) => url.includes(`/node_modules/${name}/`) || url.includes(`/dist/bundle/vendor-${name}-`));

test.each(['--help', '--version', 'init --help', 'doctor --help'])('`tandem %s` loads no openai, ink, react or tokenizer', async (line) => {
  const loaded = await modulesLoaded(line.split(' '));
  // The hook sees the launcher itself, so an empty list cannot pass by accident.
  expect(loaded.some((url) => url.endsWith('/bin/tandem.js'))).toBe(true);
  // --version is answered by the launcher alone; everything else goes through commander.
  expect(loads(loaded, 'commander')).toBe(line !== '--version');
  expect(['openai', 'ink', 'react', 'gpt-tokenizer', 'zod', 'simple-git'].filter((name) => loads(loaded, name))).toEqual([]);
});
