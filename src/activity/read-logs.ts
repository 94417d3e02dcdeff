import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { parseLine } from './log.js';
import type { ActivityRecord } from './types.js';

/** Where `--log` sources are read: the folder globs start from, and standard input for `-`. */
export interface LogSources {
  cwd: string;
  stdin?: NodeJS.ReadableStream;
}

/**
 * Reads activity logs gathered from many repositories or CI artifacts (`--log`, repeatable: paths, globs,
 * `-` for standard input), oldest first. Each record is counted once however often its log is passed:
 * records carry ids (older ones are keyed by their own text). A record without its repository gets the
 * one its file sits in (`<repo>/.tandem/activity.jsonl`).
 */
export async function readLogs(patterns: string[], sources: LogSources, options: { since?: Date } = {}): Promise<ActivityRecord[]> {
  const files = await expand(patterns, sources.cwd);
  const seen = new Set<string>();
  const records: ActivityRecord[] = [];
  const since = options.since?.getTime() ?? -Infinity;
  for (const file of files) {
    const text = file === '-' ? await readStream(sources.stdin ?? process.stdin) : await readFile(file, 'utf8');
    const repo = file === '-' ? 'stdin' : repoOfLog(file);
    for (const line of text.split('\n')) {
      const record = parseLine(line);
      if (!record || Date.parse(record.ts) < since) continue;
      const key = record.id ?? createHash('sha1').update(line.trim()).digest('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      records.push(record.repo === undefined ? { ...record, repo } : record);
    }
  }
  return records.sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
}

async function expand(patterns: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (pattern === '-') {
      files.push('-');
      continue;
    }
    if (!/[*?[{]/.test(pattern)) {
      files.push(resolve(cwd, pattern));
      continue;
    }
    // tinyglobby is loaded only when a glob is given: plain `tandem stats` never pays for it.
    const { glob } = await import('tinyglobby');
    const matched = await glob(pattern, { cwd, absolute: true, dot: true, onlyFiles: true });
    if (matched.length === 0) throw usageError(`--log ${pattern}: no file matches`, 'quote the pattern so your shell does not expand it, e.g. --log "artifacts/**/activity.jsonl"');
    files.push(...matched.sort());
  }
  // Every named file is checked before any is read, so a typo costs no partial output.
  for (const file of files) {
    if (file === '-') continue;
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw usageError(`--log ${relativeTo(cwd, file)}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    if (!info.isFile()) throw usageError(`--log ${relativeTo(cwd, file)}: not a file`, 'name the activity.jsonl files, or a glob such as "logs/**/activity.jsonl"');
  }
  return [...new Set(files)];
}

function relativeTo(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** `…/api/.tandem/activity.jsonl` → `api`; an artifact folder's log → that folder's name. */
function repoOfLog(file: string): string {
  const folder = dirname(file);
  return basename(folder) === '.tandem' ? basename(dirname(folder)) : basename(folder);
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
