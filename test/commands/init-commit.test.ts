import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMIT_COMMAND } from '../../src/commands/commit-config.js';
import { initCommand } from '../../src/commands/init.js';
import { runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture({ 'a.txt': 'a\n' });
});
afterEach(() => repo.cleanup());

async function initAt(answers: string): Promise<string> {
  const input = new PassThrough();
  input.end(answers);
  let output = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await initCommand({ cwd: repo.root, gateway: 'ollama' }, { input, output: out, interactive: true });
  return output;
}

describe('tandem init and the config commit', () => {
  it('without a terminal prints the exact git command, which leaves the tree clean', async () => {
    const result = await runCli(['init', '--gateway', 'ollama'], { cwd: repo.root });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Commit it so tandem's runs start from a clean tree:\n  ${COMMIT_COMMAND}\n`);
    expect(await repo.git('status', '--porcelain')).toBe('?? tandem.config.json');
    await promisify(execFile)('sh', ['-c', COMMIT_COMMAND], { cwd: repo.root });
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('at a terminal, yes commits tandem.config.json alone and leaves what the user staged staged', async () => {
    await writeFile(join(repo.root, 'a.txt'), 'mine\n');
    await repo.git('add', 'a.txt');
    const output = await initAt('y\n');
    expect(output).toContain('Commit tandem.config.json now (that file only)? [Y/n]');
    expect(output).toContain('Committed tandem.config.json.');
    expect(await repo.git('show', '--name-only', '--format=%s', 'HEAD')).toBe('Add tandem.config.json (tandem init)\n\ntandem.config.json');
    expect(await repo.git('status', '--porcelain')).toBe('M  a.txt');
  });

  it('at a terminal, no leaves it uncommitted and says how', async () => {
    const output = await initAt('n\n');
    expect(output).toContain(`Not committed. When you want to:\n  ${COMMIT_COMMAND}`);
    expect(await repo.git('status', '--porcelain')).toBe('?? tandem.config.json');
  });
});
