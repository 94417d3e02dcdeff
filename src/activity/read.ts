import { open, readFile } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { parseRecordLine } from './parse-record.js';
import type { ActivityRecord } from './types.js';

const byTime = (a: ActivityRecord, b: ActivityRecord): number => Date.parse(a.ts) - Date.parse(b.ts);

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Reads the whole log oldest first (newest last), skipping lines that are not records; `limit` keeps the newest N, `since` drops older ones. */
export async function readActivity(path: string, options: { limit?: number; since?: Date } = {}): Promise<ActivityRecord[]> {
  if (options.limit !== undefined && options.since === undefined) return readActivityTail(path, options.limit);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (missing(error)) return [];
    throw error;
  }
  const since = options.since?.getTime() ?? -Infinity;
  const records = text
    .split('\n')
    .map(parseRecordLine)
    .filter((record): record is ActivityRecord => record !== null && Date.parse(record.ts) >= since)
    // Concurrent runs may append out of order; a stable sort keeps file order for equal times.
    .sort(byTime);
  return options.limit === undefined ? records : records.slice(Math.max(records.length - options.limit, 0));
}

const SCAN_BLOCK = 1 << 20;

/**
 * Calls `visit` with every record of the log in file order, reading a megabyte at a time, so a long log is
 * never held whole; `since` drops older ones. A plain callback, not an async iterator: a promise per
 * record would cost more than parsing it.
 */
export async function scanActivity(path: string, visit: (record: ActivityRecord) => void, options: { since?: Date } = {}): Promise<void> {
  const since = options.since?.getTime();
  const file = await open(path, 'r').catch((error: unknown) => {
    if (missing(error)) return null;
    throw error;
  });
  if (!file) return;
  const take = (line: string): void => {
    const record = parseRecordLine(line);
    if (record && (since === undefined || Date.parse(record.ts) >= since)) visit(record);
  };
  try {
    const buffer = Buffer.alloc(SCAN_BLOCK);
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, SCAN_BLOCK, null);
      if (bytesRead === 0) break;
      const lines = (rest + decoder.write(buffer.subarray(0, bytesRead))).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) take(line);
    }
    take(rest + decoder.end());
  } finally {
    await file.close();
  }
}

const BLOCK = 64 * 1024;

/**
 * The newest `limit` records, oldest first, read from the end of the log block by block. Concurrent runs
 * may append a little out of time order, so reading goes on past the first `limit` records until a whole
 * block holds nothing newer than the oldest record kept.
 */
export async function readActivityTail(path: string, limit: number): Promise<ActivityRecord[]> {
  if (limit <= 0) return [];
  const file = await open(path, 'r').catch((error: unknown) => {
    if (missing(error)) return null;
    throw error;
  });
  if (!file) return [];
  try {
    let position = (await file.stat()).size;
    let carry = Buffer.alloc(0);
    let kept: ActivityRecord[] = [];
    while (position > 0) {
      const start = Math.max(0, position - BLOCK);
      const block = Buffer.alloc(position - start);
      await file.read(block, 0, block.length, start);
      position = start;
      const bytes = carry.length > 0 ? Buffer.concat([block, carry]) : block;
      // The first line of a block may have begun in the block before it: keep it for the next read.
      const cut = start === 0 ? -1 : bytes.indexOf(0x0a);
      if (start > 0 && cut === -1) {
        carry = bytes;
        continue;
      }
      carry = start === 0 ? Buffer.alloc(0) : bytes.subarray(0, cut);
      const found = bytes
        .subarray(cut + 1)
        .toString('utf8')
        .split('\n')
        .map(parseRecordLine)
        .filter((record): record is ActivityRecord => record !== null);
      const oldestKept = kept.length >= limit ? Date.parse(kept[0].ts) : -Infinity;
      if (kept.length >= limit && found.length > 0 && found.every((record) => Date.parse(record.ts) < oldestKept)) break;
      kept = [...found, ...kept].sort(byTime).slice(-limit);
    }
    return kept;
  } finally {
    await file.close();
  }
}
