import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { patchCommand, type PatchOptions } from '../../src/commands/patch.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const MATH = 'export function add(a, b) {\n  return a + b;\n}\n';
const UTIL = 'export const name = "util";\n';

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture({ 'src/math.js': MATH, 'src/util.js': UTIL, 'README.md': '# demo\n' });
});
afterEach(() => repo.cleanup());

/** Runs the command with `answer` on standard input (undefined: a terminal) or from `file`. */
async function patch(answer: string | undefined, options: PatchOptions = {}, file?: string) {
  const input = new PassThrough();
  if (answer !== undefined) input.end(answer);
  let stdout = '';
  let stderr = '';
  const output = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
  const errors = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await patchCommand(file, { cwd: repo.root, ...options }, { input, output, errors, interactive: answer === undefined }).catch(
    (error: { exitCode: number; message: string }) => ({ thrown: error }),
  );
  return typeof code === 'number' ? { code, stdout, stderr } : { code: code.thrown.exitCode, message: code.thrown.message, stdout, stderr };
}

const read = (path: string) => readFile(join(repo.root, path), 'utf8');
const sr = (path: string, search: string, replace: string) => `${path}\n<<<<<<< SEARCH\n${search}=======\n${replace}>>>>>>> REPLACE\n`;
const json = (stdout: string) => JSON.parse(stdout) as Array<Record<string, unknown>>;

describe('tandem patch applies answers to the working tree', () => {
  test('takes a bare name such as Makefile as the file when the repository has it, and refuses one it lacks', async () => {
    await writeFile(join(repo.root, 'Makefile'), 'build:\n\ttsc\n');
    await repo.git('add', 'Makefile');
    const out = await patch(sr('Makefile', '\ttsc\n', '\ttsc -p .\n'));
    expect(out.code).toBe(0);
    expect(await read('Makefile')).toBe('build:\n\ttsc -p .\n');
    const missing = await patch(sr('Dockerfile', 'FROM node\n', 'FROM node:20\n'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('block 1 names no file');
  });

  test('reads standard input, writes the file, reports each block and exits 0', async () => {
    const answer = `Sure, here it is:\n\n${sr('src/math.js', '  return a + b;\n', '  return a + b + 1;\n')}\nDone.`;
    const out = await patch(answer);
    expect(out.code).toBe(0);
    expect(await read('src/math.js')).toBe('export function add(a, b) {\n  return a + b + 1;\n}\n');
    expect(out.stdout).toBe('applied   src/math.js  block 1 (exact)\nWrote src/math.js. 1 of 1 blocks applied.\n');
    expect(await repo.git('status', '--porcelain')).toBe(' M src/math.js');
    expect(await repo.git('rev-list', '--count', 'HEAD')).toBe('1');
  });

  test('reads a file named relative to -C, and "-" means standard input', async () => {
    await writeFile(join(repo.root, 'answer.md'), sr('src/util.js', UTIL, 'export const name = "tools";\n'));
    expect((await patch('', {}, 'answer.md')).code).toBe(0);
    expect(await read('src/util.js')).toBe('export const name = "tools";\n');
    expect((await patch(sr('README.md', '# demo\n', '# demo!\n'), {}, '-')).code).toBe(0);
    expect(await read('README.md')).toBe('# demo!\n');
  });

  test('--dry-run prints the exact diff on stdout, the verdicts on stderr, and writes nothing', async () => {
    const out = await patch(sr('src/math.js', '  return a + b;\n', '  return b + a;\n'), { dryRun: true });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      'diff --git a/src/math.js b/src/math.js\n--- a/src/math.js\n+++ b/src/math.js\n@@ -1,3 +1,3 @@\n export function add(a, b) {\n-  return a + b;\n+  return b + a;\n }\n',
    );
    expect(out.stderr).toBe('applied   src/math.js  block 1 (exact)\nWould write src/math.js. 1 of 1 blocks applied.\n');
    expect(await read('src/math.js')).toBe(MATH);
  });

  test('--json reports every block: applied, failed, refused, and a file held back by its failed block', async () => {
    const answer = [
      sr('src/util.js', UTIL, 'export const name = "u";\n'),
      sr('src/math.js', 'export function add(a, b) {\n', 'export function sum(a, b) {\n'),
      sr('src/math.js', '  return a * b;\n', '  return 0;\n'),
      sr('../outside.txt', 'x\n', 'y\n'),
    ].join('\n');
    const out = await patch(answer, { json: true });
    expect(out.code).toBe(1);
    expect(json(out.stdout)).toEqual([
      { block: 1, file: 'src/util.js', status: 'applied', reason: null, strategy: 'exact' },
      { block: 2, file: 'src/math.js', status: 'failed', reason: 'not written: block 3 for this file did not apply', strategy: 'exact' },
      { block: 3, file: 'src/math.js', status: 'failed', reason: 'no match in src/math.js', strategy: null },
      { block: 4, file: '../outside.txt', status: 'refused', reason: 'path refused: it leads outside the repository', strategy: null },
    ]);
    expect(await read('src/util.js')).toBe('export const name = "u";\n');
    expect(await read('src/math.js')).toBe(MATH);
  });

  test('an ambiguous block is refused and a no-op block is reported unchanged; neither exits 0', async () => {
    await writeFile(join(repo.root, 'twice.txt'), 'x = 1\ny = 2\nx = 1\n');
    const out = await patch(sr('twice.txt', 'x = 1\n', 'x = 3\n'), { json: true });
    expect(out.code).toBe(1);
    expect(json(out.stdout)).toEqual([{ block: 1, file: 'twice.txt', status: 'refused', reason: 'matches 2 places (lines 1, 3)', strategy: 'exact' }]);
    const same = await patch(sr('src/util.js', UTIL, UTIL), { json: true });
    expect(same.code).toBe(1);
    expect(json(same.stdout)[0]).toMatchObject({ file: 'src/util.js', status: 'unchanged' });
    expect(await read('twice.txt')).toBe('x = 1\ny = 2\nx = 1\n');
  });
});

describe('tandem patch stays inside the repository', () => {
  let outside: string;
  beforeEach(async () => {
    outside = await mkdtemp(join(tmpdir(), 'tandem-outside-'));
    await writeFile(join(outside, 'secret.txt'), 'keep\n');
  });
  afterEach(() => rm(outside, { recursive: true, force: true }));

  test('a ../ path to a real file outside is refused and the file is untouched', async () => {
    const rel = join('..', outside.split('/').pop()!, 'secret.txt');
    await mkdir(join(repo.root, 'sub'));
    const out = await patch(sr(rel, 'keep\n', 'pwned\n') + '\n' + sr(`sub/../${rel}`, 'keep\n', 'pwned\n'), { json: true });
    expect(out.code).toBe(1);
    expect(json(out.stdout).map((b) => [b.status, b.reason])).toEqual([
      ['refused', 'path refused: it leads outside the repository'],
      ['refused', 'path refused: it leads outside the repository'],
    ]);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('keep\n');
  });

  test('absolute paths, a symlink out, .git and .tandem are refused; nothing is written there', async () => {
    await symlink(outside, join(repo.root, 'out'));
    await symlink(join(outside, 'secret.txt'), join(repo.root, 'secret-link.txt'));
    const answer = [
      sr(join(outside, 'secret.txt'), 'keep\n', 'pwned\n'),
      sr('out/secret.txt', 'keep\n', 'pwned\n'),
      sr('out/new.txt', '', 'pwned\n'),
      sr('secret-link.txt', 'keep\n', 'pwned\n'),
      sr('.git/config', '[core]\n', '[pwned]\n'),
      sr('.tandem/x.json', '', '{}\n'),
    ].join('\n');
    const out = await patch(answer, { json: true });
    expect(out.code).toBe(1);
    expect(json(out.stdout).map((b) => b.reason)).toEqual([
      'path refused: it is absolute; use a path relative to the repository root',
      'path refused: it goes through a symlink that leads outside the repository',
      'path refused: it goes through a symlink that leads outside the repository',
      'path refused: it goes through a symlink that leads outside the repository',
      'path refused: it is inside .git, which tandem never touches',
      "path refused: it is inside .tandem, tandem's own state",
    ]);
    expect(await readdir(outside)).toEqual(['secret.txt']);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('keep\n');
    expect(await readFile(join(repo.root, '.git/config'), 'utf8')).not.toContain('pwned');
  });

  test('a symlink inside the repository is edited through to its target, and stays a symlink', async () => {
    await symlink('src/util.js', join(repo.root, 'util-link.js'));
    expect((await patch(sr('util-link.js', UTIL, 'export const name = "linked";\n'))).code).toBe(0);
    expect(await read('src/util.js')).toBe('export const name = "linked";\n');
    expect((await lstat(join(repo.root, 'util-link.js'))).isSymbolicLink()).toBe(true);
    expect(await repo.git('status', '--porcelain')).toBe(' M src/util.js\n?? util-link.js');
  });
});

describe('tandem patch finds files the way models name them', () => {
  test('a/ and b/ prefixes and a bare basename reach the file; two spellings of one file apply in order', async () => {
    const answer = [
      sr('a/src/math.js', '  return a + b;\n', '  return a + b; // sum\n'),
      sr('math.js', 'export function add(a, b) {\n', 'export function plus(a, b) {\n'),
      '```diff\n--- a/src/util.js\n+++ b/src/util.js\n@@ -10,1 +10,1 @@\n-export const name = "util";\n+export const name = "diffed";\n```\n',
    ].join('\n');
    const out = await patch(answer, { json: true });
    expect(json(out.stdout).map((b) => [b.file, b.status])).toEqual([
      ['src/math.js', 'applied'],
      ['src/math.js', 'applied'],
      ['src/util.js', 'applied'],
    ]);
    expect(out.code).toBe(0);
    expect(await read('src/math.js')).toBe('export function plus(a, b) {\n  return a + b; // sum\n}\n');
    expect(await read('src/util.js')).toBe('export const name = "diffed";\n');
  });

  test('a basename naming two files is refused, and so is a whole file under a guessed name', async () => {
    await mkdir(join(repo.root, 'lib'));
    await writeFile(join(repo.root, 'lib/util.js'), UTIL);
    const twice = await patch(sr('util.js', UTIL, 'x\n'), { json: true });
    expect(twice.code).toBe(1);
    expect(json(twice.stdout).map((b) => b.reason)).toEqual([
      'path refused: util.js could be any of 2 files (lib/util.js, src/util.js); write the path from the repository root',
    ]);
    const whole = await patch('math.js\n```js\nexport const whole = 1;\n```\n', { json: true });
    expect(json(whole.stdout).map((b) => b.reason)).toEqual([
      'path refused: math.js does not exist; write the full path if the complete file is meant for src/math.js',
    ]);
    expect(await read('src/math.js')).toBe(MATH);
    expect(await read('src/util.js')).toBe(UTIL);
  });

  test('whole files with new paths are created; a diff to /dev/null deletes a file', async () => {
    const created = await patch('src/new.js\n```js\nexport const fresh = true;\n```\n\ndocs/a.md\n```md\n# A\n```\n', { json: true });
    expect(json(created.stdout).map((b) => [b.file, b.status, b.strategy])).toEqual([
      ['src/new.js', 'applied', 'create'],
      ['docs/a.md', 'applied', 'create'],
    ]);
    expect(created.code).toBe(0);
    expect(await read('src/new.js')).toBe('export const fresh = true;\n');
    expect(await read('docs/a.md')).toBe('# A\n');
    const deleted = await patch('```diff\n--- a/README.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-# demo\n```\n', { json: true });
    expect(json(deleted.stdout).map((b) => [b.file, b.status])).toEqual([['README.md', 'applied']]);
    expect(deleted.code).toBe(0);
    expect(await repo.git('status', '--porcelain')).toBe(' D README.md\n?? docs/\n?? src/new.js');
  });
});

describe('tandem patch writes safely', () => {
  test('keeps the file mode and CRLF endings, and leaves no temporary file behind', async () => {
    await writeFile(join(repo.root, 'run.sh'), '#!/bin/sh\r\necho one\r\n');
    await chmod(join(repo.root, 'run.sh'), 0o751);
    expect((await patch(sr('run.sh', 'echo one\n', 'echo two\n'))).code).toBe(0);
    expect(await read('run.sh')).toBe('#!/bin/sh\r\necho two\r\n');
    expect((await stat(join(repo.root, 'run.sh'))).mode & 0o777).toBe(0o751);
    expect((await readdir(repo.root)).sort()).toEqual(['.git', 'README.md', 'run.sh', 'src']);
  });

  test('a file that is not UTF-8 text is refused, never rewritten', async () => {
    const bytes = Buffer.from([0x61, 0xff, 0x0a]);
    await writeFile(join(repo.root, 'latin.txt'), bytes);
    const out = await patch(sr('latin.txt', 'a\ufffd\n', 'b\n'), { json: true });
    expect(json(out.stdout)[0]).toMatchObject({ status: 'refused', reason: 'path refused: latin.txt is not a UTF-8 text file' });
    expect(await readFile(join(repo.root, 'latin.txt'))).toEqual(bytes);
  });
});

describe('tandem patch exit codes', () => {
  test('a terminal on standard input and no file is a usage error (2), not a wait', async () => {
    const out = await patch(undefined);
    expect(out).toMatchObject({ code: 2, message: 'tandem patch needs an answer: name a file, or pipe the answer in' });
  });

  test('a missing answer file is a usage error (2)', async () => {
    expect(await patch('', {}, 'nope.md')).toMatchObject({ code: 2, message: 'cannot read nope.md: no such file' });
  });

  test('an answer with no edit, or a block naming no file, fails (1) with what to tell the model', async () => {
    const out = await patch('I think you should rename it.\n');
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('failed    -  block 1: no edit found in the answer\nNothing written. 0 of 1 blocks applied.\n');
    const pathless = await patch('<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n', { json: true });
    expect(json(pathless.stdout)).toEqual([{ block: 1, file: null, status: 'failed', reason: 'block 1 names no file', strategy: null }]);
  });
});
