import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, isolatedHome, runCli } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const GREET = 'export function greet(name) {\n  return "hi " + name;\n}\n';
const EDIT = 'src/greet.js\n<<<<<<< SEARCH\n  return "hi " + name;\n=======\n  return `hello ${name}`;\n>>>>>>> REPLACE\n';
const DIFF = 'diff --git a/src/greet.js b/src/greet.js\n--- a/src/greet.js\n+++ b/src/greet.js\n@@ -1,3 +1,3 @@\n export function greet(name) {\n-  return "hi " + name;\n+  return `hello ${name}`;\n }\n';

/** The built CLI with `input` piped to standard input. */
async function pipe(args: string[], input: string, cwd: string) {
  const r = await execa('node', [BIN, ...args], { cwd, input, reject: false, stripFinalNewline: false, extendEnv: false, env: { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), NO_COLOR: '1' } });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

let repo: GitFixture;
let elsewhere: string;
beforeEach(async () => {
  repo = await gitFixture({ 'src/greet.js': GREET, 'src/other.js': 'export const x = 1;\n' });
  elsewhere = await mkdtemp(join(tmpdir(), 'tandem-cwd-'));
});
afterEach(async () => {
  await repo.cleanup();
  await rm(elsewhere, { recursive: true, force: true });
});

describe('tandem patch (built CLI)', () => {
  it('applies an answer piped to standard input and exits 0', async () => {
    const r = await pipe(['patch'], `<think>the return line</think>\nHere you go:\n${EDIT}`, repo.root);
    expect(r).toMatchObject({ exitCode: 0, stderr: '' });
    expect(r.stdout).toBe('applied   src/greet.js  block 1 (exact)\nWrote src/greet.js. 1 of 1 blocks applied.\n');
    expect(await readFile(join(repo.root, 'src/greet.js'), 'utf8')).toBe('export function greet(name) {\n  return `hello ${name}`;\n}\n');
  });

  it('--dry-run prints a diff git applies as is, and writes nothing; -C points at the repository', async () => {
    await writeFile(join(elsewhere, 'answer.md'), EDIT);
    const r = await pipe(['patch', join(elsewhere, 'answer.md'), '--dry-run', '-C', repo.root], '', elsewhere);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(DIFF);
    expect(await readFile(join(repo.root, 'src/greet.js'), 'utf8')).toBe(GREET);
    await execa('git', ['apply', '--check', '-'], { cwd: repo.root, input: r.stdout });
  });

  it('--json: one row per block; a failed block keeps its file untouched while another file is written; exit 1', async () => {
    const answer = `${EDIT}\nsrc/other.js\n<<<<<<< SEARCH\nexport const y = 2;\n=======\nexport const y = 3;\n>>>>>>> REPLACE\n`;
    const r = await pipe(['patch', '-', '--json', '-C', repo.root], answer, elsewhere);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { block: 1, file: 'src/greet.js', status: 'applied', reason: null, strategy: 'exact' },
      { block: 2, file: 'src/other.js', status: 'failed', reason: 'no match in src/other.js', strategy: null },
    ]);
    expect(await repo.git('status', '--porcelain')).toBe(' M src/greet.js');
  });

  it('refuses ../ paths: the file outside the repository is untouched', async () => {
    const victim = join(elsewhere, 'victim.txt');
    await writeFile(victim, 'safe\n');
    const rel = `../${elsewhere.split('/').pop()}/victim.txt`;
    const r = await pipe(['patch', '--json'], `${rel}\n<<<<<<< SEARCH\nsafe\n=======\nowned\n>>>>>>> REPLACE\n`, join(repo.root, 'src'));
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ status: 'refused', reason: 'path refused: it leads outside the repository' });
    expect(await readFile(victim, 'utf8')).toBe('safe\n');
  });

  it('exit 2 for a missing answer file and outside a repository', async () => {
    const missing = await runCli(['patch', 'nope.md'], { cwd: repo.root });
    expect(missing).toMatchObject({ exitCode: 2, stderr: 'tandem: cannot read nope.md: no such file' });
    const noRepo = await pipe(['patch'], EDIT, elsewhere);
    expect(noRepo.exitCode).toBe(2);
    expect(noRepo.stderr).toContain('not a git repository');
  });
});
