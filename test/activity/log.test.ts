import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityPath, appendActivity, readActivity, toActivityRecord } from '../../src/activity/log.js';
import type { ActivityRecord } from '../../src/activity/types.js';
import type { CallRecord } from '../../src/gateway/types.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tandem-activity-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const call: CallRecord = {
  role: 'editor',
  model: 'auto_tandem_router',
  provider: '_tandem_local_router',
  promptTokens: 1150,
  completionTokens: 220,
  cachedTokens: 0,
  latencyMs: 12_400,
  ttftMs: 900,
  costUsd: 0,
  costSource: 'pricing',
  status: 'ok',
  meta: { planId: 'ignored' },
};

function record(ts: string, overrides: Partial<ActivityRecord> = {}): ActivityRecord {
  return { ...toActivityRecord(call, { runId: 'r1', planId: 'p1', step: 0 }, new Date(ts)), ...overrides };
}

describe('toActivityRecord', () => {
  it('maps a call to the DESIGN.md record, ids and time given', () => {
    expect(toActivityRecord(call, { runId: 'r1', planId: 'p1', step: 2 }, new Date('2025-03-01T10:02:00Z'))).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      ts: '2025-03-01T10:02:00.000Z',
      runId: 'r1',
      planId: 'p1',
      step: 2,
      role: 'editor',
      model: 'auto_tandem_router',
      provider: '_tandem_local_router',
      promptTokens: 1150,
      completionTokens: 220,
      cachedTokens: 0,
      cacheWriteTokens: 0,
      latencyMs: 12_400,
      ttftMs: 900,
      costUsd: 0,
      costSource: 'pricing',
      status: 'ok',
      error: null,
    });
  });

  it('gives every record its own id, and carries the repository and the serving upstream when known', () => {
    const a = toActivityRecord({ ...call, upstream: 'http://gpu-1:11434/v1', gatewayCache: 'miss' }, { runId: 'r', planId: null, step: 0, repo: 'github.com/acme/api' });
    const b = toActivityRecord(call, { runId: 'r', planId: null, step: 0 });
    expect(a.id).not.toBe(b.id);
    expect([a.repo, a.upstream, a.gatewayCache]).toEqual(['github.com/acme/api', 'http://gpu-1:11434/v1', 'miss']);
    expect(['repo', 'upstream', 'gatewayCache'].filter((key) => key in b)).toEqual([]);
  });

  it('keeps a failed call with its error and unknown cost', () => {
    const failed = toActivityRecord({ ...call, status: 'error', error: 'HTTP 502: model down', costUsd: null, costSource: 'unknown' }, { runId: 'r', planId: null, step: null });
    expect([failed.status, failed.error, failed.costUsd, failed.costSource, failed.planId, failed.step]).toEqual(['error', 'HTTP 502: model down', null, 'unknown', null, null]);
  });
});

describe('activity log file', () => {
  it('appends one JSON object a line under .tandem, creating it with its .gitignore', async () => {
    const a = record('2025-03-01T10:01:00Z');
    const b = record('2025-03-01T10:02:00Z', { role: 'architect' });
    await appendActivity(root, [a]);
    await appendActivity(root, [b]);
    expect(activityPath(root)).toBe(join(root, '.tandem/activity.jsonl'));
    expect(await readFile(activityPath(root), 'utf8')).toBe(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`);
    expect(await readFile(join(root, '.tandem/.gitignore'), 'utf8')).toBe('*\n');
    expect(await readActivity(root)).toEqual([a, b]);
  });

  it('reads nothing from a log that does not exist yet', async () => {
    expect(await readActivity(root)).toEqual([]);
  });

  it('skips corrupt lines instead of failing, and starts a fresh line after a torn write', async () => {
    const a = record('2025-03-01T10:01:00Z');
    const b = record('2025-03-01T10:03:00Z');
    await appendActivity(root, [a]);
    await appendFile(activityPath(root), 'not json\n{"ts":"2025-03-01T10:02:00Z"}\n[1,2]\nnull\n\n{"ts":"nonsense","role":"editor"}\n{"half": ');
    await appendActivity(root, [b]);
    expect(await readActivity(root)).toEqual([a, b]);
  });

  it('returns newest last, keeps the newest N with limit and drops older ones with since', async () => {
    const times = ['2025-03-01T10:00:00Z', '2025-03-01T10:02:00Z', '2025-03-01T10:01:00Z', '2025-03-01T10:03:00Z'];
    await appendActivity(root, times.map((ts, step) => record(ts, { step })));
    expect((await readActivity(root)).map((r) => r.step)).toEqual([0, 2, 1, 3]);
    expect((await readActivity(root, { limit: 2 })).map((r) => r.step)).toEqual([1, 3]);
    expect((await readActivity(root, { limit: 0 })).map((r) => r.step)).toEqual([]);
    expect((await readActivity(root, { since: new Date('2025-03-01T10:01:00Z') })).map((r) => r.step)).toEqual([2, 1, 3]);
    expect((await readActivity(root, { since: new Date('2025-03-01T10:01:00Z'), limit: 1 })).map((r) => r.step)).toEqual([3]);
  });

  it('keeps all lines whole when runs append at the same time', async () => {
    const batches = Array.from({ length: 20 }, (_, run) =>
      Array.from({ length: 5 }, (_, step) => record('2025-03-01T10:00:00Z', { runId: `run-${run}`, step, error: 'x'.repeat(500) })),
    );
    await Promise.all(batches.map((batch) => appendActivity(root, batch)));
    const read = await readActivity(root);
    expect(read).toHaveLength(100);
    for (const batch of batches) expect(read.filter((r) => r.runId === batch[0].runId).map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
  });

  it('writes nothing for an empty batch', async () => {
    await appendActivity(root, []);
    await expect(readFile(activityPath(root))).rejects.toThrow();
  });

  it('skips a record with a wrong field type', async () => {
    await appendActivity(root, [{ ...record('2025-03-01T10:00:00Z'), promptTokens: 'many' as unknown as number }]);
    expect(await readActivity(root)).toEqual([]);
  });
});
