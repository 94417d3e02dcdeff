import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { acquireRepoLock, lockPath } from '../../src/workspace/lock.js';
import { useRepo } from '../helpers/repo-gateway.js';

const repo = useRepo({ 'a.txt': 'a\n' });

describe('acquireRepoLock', () => {
  it('holds .tandem/lock with the pid and command, refuses a second holder with exit 2, and releases', async () => {
    const lock = await acquireRepoLock(repo.root, 'apply p-1');
    expect(JSON.parse(await readFile(lockPath(repo.root), 'utf8'))).toMatchObject({ pid: process.pid, command: 'apply p-1', host: hostname() });
    await expect(acquireRepoLock(repo.root, 'run')).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`pid ${process.pid} (tandem apply p-1`) });
    await lock.release();
    const again = await acquireRepoLock(repo.root, 'run');
    await again.release();
    await expect(readFile(lockPath(repo.root), 'utf8')).rejects.toThrow();
  });

  it('takes over a lock whose process is gone', async () => {
    await acquireRepoLock(repo.root, 'x').then((l) => l.release());
    // A pid far above any default pid_max: no such process.
    await writeFile(lockPath(repo.root), JSON.stringify({ pid: 2 ** 30, command: 'apply old', startedAt: '2020-01-01T00:00:00Z', host: hostname() }));
    const lock = await acquireRepoLock(repo.root, 'run');
    expect(JSON.parse(await readFile(lockPath(repo.root), 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });
});
