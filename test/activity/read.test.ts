import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readActivity, readActivityTail, scanActivity } from '../../src/activity/read.js';
import type { ActivityRecord } from '../../src/activity/types.js';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-read-'));
  path = join(dir, 'activity.jsonl');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const base = Date.parse('2025-03-01T00:00:00Z');
function record(i: number, minute = i): ActivityRecord {
  return {
    id: `r${i}`,
    ts: new Date(base + minute * 60_000).toISOString(),
    runId: `run-${i}`,
    planId: null,
    step: null,
    role: 'editor',
    model: 'qwen2.5-coder:7b',
    provider: 'local',
    promptTokens: i,
    completionTokens: 1,
    cachedTokens: 0,
    latencyMs: 10,
    ttftMs: null,
    costUsd: 0,
    costSource: 'pricing',
    status: 'ok',
    // Long enough that the log spans many of the tail reader's 64 KB blocks.
    error: null,
    upstream: 'x'.repeat(200),
  } as ActivityRecord;
}
const lines = (records: ActivityRecord[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');
const ids = (records: ActivityRecord[]) => records.map((r) => r.id);

describe('readActivityTail', () => {
  it('gives the newest N, oldest first, the same as reading everything, across block boundaries', async () => {
    const all = Array.from({ length: 3000 }, (_, i) => record(i));
    await writeFile(path, lines(all));
    for (const n of [1, 20, 299, 300, 2999, 3000, 5000]) {
      expect(ids(await readActivityTail(path, n))).toEqual(ids(all.slice(-n)));
    }
    expect(await readActivityTail(path, 0)).toEqual([]);
    expect(ids(await readActivity(path, { limit: 20 }))).toEqual(ids(all.slice(-20)));
  });

  it('sorts a run that appended out of time order, and skips torn and foreign lines', async () => {
    const early = Array.from({ length: 1000 }, (_, i) => record(i));
    // A long run appends its calls at its end: their times go back before the last records of another run.
    const late = [record(1000, 997), record(1001, 1005), record(1002, 998)];
    await writeFile(path, `${lines(early)}{"torn": \n\nnot json\n${lines(late)}${JSON.stringify(record(1003, 1010)).slice(0, 40)}`);
    expect(ids(await readActivityTail(path, 5))).toEqual(['r1000', 'r998', 'r1002', 'r999', 'r1001']);
    expect(ids(await readActivityTail(path, 5))).toEqual(ids(await readActivity(path).then((r) => r.slice(-5))));
  });

  it('reads nothing from a log that does not exist', async () => {
    expect(await readActivityTail(path, 20)).toEqual([]);
  });

  it('keeps a record longer than a block whole', async () => {
    const big = { ...record(1), error: 'e'.repeat(200_000), status: 'error' as const };
    await writeFile(path, lines([record(0), big, record(2)]));
    expect(ids(await readActivityTail(path, 2))).toEqual(['r1', 'r2']);
    expect((await readActivityTail(path, 2))[0].error).toHaveLength(200_000);
  });
});

describe('scanActivity', () => {
  it('visits every record in file order, since dropping older ones, without a trailing newline too', async () => {
    const all = Array.from({ length: 6000 }, (_, i) => record(i));
    await writeFile(path, `${lines(all)}garbage\n${JSON.stringify(record(6000))}`);
    const seen: string[] = [];
    await scanActivity(path, (r) => seen.push(r.id ?? ''));
    expect(seen).toEqual([...ids(all), 'r6000']);
    const recent: string[] = [];
    await scanActivity(path, (r) => recent.push(r.id ?? ''), { since: new Date(base + 5990 * 60_000) });
    expect(recent).toEqual(['r5990', 'r5991', 'r5992', 'r5993', 'r5994', 'r5995', 'r5996', 'r5997', 'r5998', 'r5999', 'r6000']);
  });

  it('visits nothing in a log that does not exist', async () => {
    let visited = 0;
    await scanActivity(path, () => visited++);
    expect(visited).toBe(0);
  });
});
