import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outlineCachePath } from '../../src/context/outline-cache.js';
import { buildRepoMap } from '../../src/context/repo-map.js';
import { blobHash, indexRepoFiles } from '../../src/context/repo-index.js';
import { countTokens } from '../../src/tokens/count.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const FILES = {
  '.gitignore': '.env\n',
  'src/session.ts': 'export class SessionStore {\n  get(id: string): string {\n    return id;\n  }\n}\n',
  'src/login.ts': 'export function login(user: string): boolean {\n  return user.length > 0;\n}\n',
  'lib/report.py': 'def render_report(rows):\n    return rows\n',
  'config/deploy.pem': '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`pkg/mod${i}/file${i}.ts`, `export function helper${i}(value: number): number {\n  return value * ${i};\n}\n`])),
};

let repo: GitFixture;
beforeEach(async () => {
  repo = await gitFixture(FILES);
  await writeFile(join(repo.root, '.env'), 'TOKEN=x\n');
});
afterEach(() => repo.cleanup());

const build = (task: string, budget = 10_000, named: string[] = []) => buildRepoMap({ root: repo.root, task, named, budget });

describe('indexRepoFiles', () => {
  it('lists tracked files with the blob hash of their working-tree content', async () => {
    await writeFile(join(repo.root, 'src/login.ts'), 'changed\n');
    const files = await indexRepoFiles(repo.root);
    expect(files).toHaveLength(17);
    expect(files.find((f) => f.path === 'src/login.ts')?.hash).toBe(blobHash(Buffer.from('changed\n')));
    expect(blobHash(Buffer.from('changed\n'))).toBe(await repo.git('hash-object', 'src/login.ts'));
    expect(files.find((f) => f.path === 'src/session.ts')?.hash).toBe(await repo.git('rev-parse', 'HEAD:src/session.ts'));
  });
});

describe('buildRepoMap', () => {
  it('shows every allowed file with its outline, the most relevant first, and counts withheld files', async () => {
    const map = await build('make the session store expire old ids');
    expect(map.total).toBe(17);
    expect(map.withheld).toBe(1);
    expect(map.text.startsWith('src/session.ts\n  export class SessionStore\n    get(id: string): string\n')).toBe(true);
    expect(map.text).toContain('lib/report.py\n  def render_report(rows)');
    expect(map.text).not.toContain('deploy.pem');
    expect(map.text).not.toContain('.env');
    expect(map.text).not.toContain('return');
    expect([map.outlined.length, map.listed, map.omitted]).toEqual([16, 0, 0]);
  });

  it.each([120, 180])('fits a budget of %i tokens, naming what it leaves out', async (budget) => {
    const map = await build('login', budget, ['lib/report.py']);
    expect(map.outlined.map((o) => o.path).slice(0, 2)).toEqual(['lib/report.py', 'src/login.ts']);
    expect(map.omitted).toBeGreaterThan(0);
    expect(map.tokens).toBeLessThanOrEqual(budget);
    expect(await countTokens(map.text)).toBeLessThanOrEqual(budget);
    expect(map.text).toContain(`Not listed, to keep within the context budget (${map.omitted} files):\n`);
  });

  it('caches outline facts by blob hash and reads them on the next run', async () => {
    await build('anything');
    const cache = JSON.parse(await readFile(outlineCachePath(repo.root), 'utf8'));
    const hashes = (await indexRepoFiles(repo.root)).filter((f) => f.path !== 'config/deploy.pem').map((f) => f.hash);
    expect(cache.hashes.split('\n').sort()).toEqual([...new Set(hashes)].sort());
    // The outlines the view showed are kept whole, so the next run need not parse them again.
    expect(cache.shown[await repo.git('rev-parse', 'HEAD:src/login.ts')]).toBe('export function login(user: string): boolean');
    // Plant a word only the cache knows: ranking follows it, so the cache was read, not the file.
    const names = cache.names.split('\n');
    names[cache.hashes.split('\n').indexOf(await repo.git('rev-parse', 'HEAD:lib/report.py'))] = ' quasarflux ';
    await writeFile(outlineCachePath(repo.root), JSON.stringify({ ...cache, names: names.join('\n') }));
    expect((await build('quasarflux')).outlined[0].path).toBe('lib/report.py');
  });

  it('outlines a changed file from the working tree and drops the stale entry', async () => {
    await build('anything');
    const oldHash = await repo.git('rev-parse', 'HEAD:src/login.ts');
    await writeFile(join(repo.root, 'src/login.ts'), 'export function logout(user: string): void {}\n');
    const map = await build('logout');
    expect(map.text.startsWith('src/login.ts\n  export function logout(user: string): void')).toBe(true);
    const cached = JSON.parse(await readFile(outlineCachePath(repo.root), 'utf8')).hashes.split('\n');
    expect(cached).not.toContain(oldHash);
    expect(cached).toContain(blobHash(Buffer.from('export function logout(user: string): void {}\n')));
  });
});
