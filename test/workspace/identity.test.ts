import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitIdentity, identityEnv, parseAuthor } from '../../src/workspace/identity.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
let bare: NodeJS.ProcessEnv;
beforeEach(async () => {
  repo = await gitFixture({ 'a.txt': 'a\n' });
  // The fixture's local identity is removed: like a runner's fresh clone, git knows nobody.
  await repo.git('config', '--unset', 'user.name');
  await repo.git('config', '--unset', 'user.email');
  bare = { PATH: process.env.PATH, HOME: await mkdtemp(join(tmpdir(), 'tandem-home-')), GIT_CONFIG_NOSYSTEM: '1' };
});
afterEach(() => repo.cleanup());

describe('parseAuthor', () => {
  it('reads "Name <email>"', () => {
    expect(parseAuthor(' Refactor Bot  <bot@example.com> ')).toEqual({ name: 'Refactor Bot', email: 'bot@example.com' });
  });

  it.each(['bot@example.com', '<bot@example.com>', 'Bot <>', 'Bot <a b@c>', 'Bot <a@b> extra'])('refuses %j with exit 2', (text) => {
    expect(() => parseAuthor(text)).toThrow(expect.objectContaining({ exitCode: 2, message: `invalid --author "${text}"` }));
  });
});

describe('identityEnv', () => {
  it('falls back to tandem <tandem@localhost> only when git knows nobody', async () => {
    expect(await identityEnv(repo.root, { fallback: true }, bare)).toEqual({
      GIT_AUTHOR_NAME: 'tandem',
      GIT_AUTHOR_EMAIL: 'tandem@localhost',
      GIT_COMMITTER_NAME: 'tandem',
      GIT_COMMITTER_EMAIL: 'tandem@localhost',
    });
    expect(await identityEnv(repo.root, { fallback: false }, bare)).toEqual({});
  });

  it('leaves a configured identity and GIT_AUTHOR_* variables to git', async () => {
    await repo.git('config', 'user.name', 'Dev');
    await repo.git('config', 'user.email', 'dev@example.com');
    expect(await identityEnv(repo.root, { fallback: true }, bare)).toEqual({});
  });

  it('fills only what is missing: an author from the environment keeps its name, the committer gets the fallback', async () => {
    const env = { ...bare, GIT_AUTHOR_NAME: 'Env Author', GIT_AUTHOR_EMAIL: 'env@example.com' };
    expect(await identityEnv(repo.root, { fallback: true }, env)).toEqual({ GIT_COMMITTER_NAME: 'tandem', GIT_COMMITTER_EMAIL: 'tandem@localhost' });
    await repo.git('config', 'user.name', 'Dev');
    expect(await identityEnv(repo.root, { fallback: true }, bare)).toEqual({ GIT_AUTHOR_EMAIL: 'tandem@localhost', GIT_COMMITTER_EMAIL: 'tandem@localhost' });
  });

  it('uses --author for the author, and for the committer when none is configured', async () => {
    const bot = { GIT_AUTHOR_NAME: 'Bot', GIT_AUTHOR_EMAIL: 'bot@example.com' };
    expect(await identityEnv(repo.root, { author: 'Bot <bot@example.com>', fallback: false }, bare)).toEqual({ ...bot, GIT_COMMITTER_NAME: 'Bot', GIT_COMMITTER_EMAIL: 'bot@example.com' });
    await repo.git('config', 'user.name', 'Dev');
    await repo.git('config', 'user.email', 'dev@example.com');
    expect(await identityEnv(repo.root, { author: 'Bot <bot@example.com>', fallback: true }, bare)).toEqual(bot);
  });
});

describe('commitIdentity', () => {
  it('is confirmed only when git already knew both author and committer, so preflight asks git again only after filling gaps', async () => {
    expect(await commitIdentity(repo.root, { fallback: true }, bare)).toEqual({ vars: expect.objectContaining({ GIT_AUTHOR_NAME: 'tandem' }), confirmed: false });
    expect(await commitIdentity(repo.root, { fallback: false }, bare)).toEqual({ vars: {}, confirmed: false });
    await repo.git('config', 'user.name', 'Dev');
    await repo.git('config', 'user.email', 'dev@example.com');
    expect(await commitIdentity(repo.root, { fallback: false }, bare)).toEqual({ vars: {}, confirmed: true });
  });
});
