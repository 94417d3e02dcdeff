import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { ensureStateDir } from './state.js';

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  host: string;
  /** The holder's start time as the kernel counts it (Linux), so a reused pid is not mistaken for the holder. */
  procStart?: string;
}

/** A held lock; release it when the work is done. */
export interface RepoLock {
  release(): Promise<void>;
}

/** `.tandem/lock`: held by whatever changes the repository (apply, run, undo, the session's runs). */
export function lockPath(root: string): string {
  return join(root, '.tandem', 'lock');
}

/**
 * Takes the repository's lock with an exclusive create, or fails at once (exit 2) naming the pid and
 * command holding it. A lock whose process is gone (same host, pid not running or reused) is stale and taken over.
 */
export async function acquireRepoLock(root: string, command: string): Promise<RepoLock> {
  await ensureStateDir(root);
  const path = lockPath(root);
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString(), host: hostname(), procStart: procStart(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      return held(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && !isStale(holder)) {
      throw usageError(
        `another tandem is working in this repository: pid ${holder.pid} (tandem ${holder.command}, since ${holder.startedAt}${holder.host === me.host ? '' : ` on ${holder.host}`})`,
        `wait for it to finish; if that process is gone, delete ${path}`,
      );
    }
    if (!holder && (await ageMs(path)) < 5_000) continue;
    // Renamed aside first, so two processes that both find it stale cannot both remove a fresh lock.
    const aside = `${path}.stale-${process.pid}`;
    await rename(path, aside).catch(() => {});
    await rm(aside, { force: true });
  }
  throw usageError(`could not take the lock ${path}`, `if no tandem is running in this repository, delete ${path}`);
}

/** Runs `work` holding the repository's lock (see acquireRepoLock), released however it ends. */
export async function withRepoLock<T>(root: string, command: string, work: () => Promise<T>): Promise<T> {
  const lock = await acquireRepoLock(root, command);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

function held(path: string): RepoLock {
  const releaseSync = () => {
    try {
      if ((JSON.parse(readFileSync(path, 'utf8')) as LockHolder).pid === process.pid) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  // A process that ends without reaching release (an unexpected error) still leaves no lock behind.
  process.once('exit', releaseSync);
  return {
    async release() {
      process.removeListener('exit', releaseSync);
      releaseSync();
    },
  };
}

async function readHolder(path: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(await readFile(path, 'utf8')) as LockHolder;
    return typeof holder.pid === 'number' ? holder : null;
  } catch {
    return null;
  }
}

function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const now = procStart(holder.pid);
  return Boolean(holder.procStart && now && now !== holder.procStart);
}

/** The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), where there is a /proc. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return Infinity;
  }
}
