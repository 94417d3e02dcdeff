import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallRecord } from '../gateway/types.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { ensureStateDir, stateDir } from '../workspace/state.js';
import { parseRecordLine } from './parse-record.js';
import { readActivity as readActivityFile, scanActivity as scanActivityFile } from './read.js';
import type { ActivityRecord } from './types.js';

/** `.tandem/activity.jsonl`. */
export function activityPath(root: string): string {
  return join(stateDir(root), 'activity.jsonl');
}

/** Appends records, one JSON object a line, in a single write so concurrent runs do not interleave within a line. */
export async function appendActivity(root: string, records: ActivityRecord[]): Promise<void> {
  if (records.length === 0) return;
  await ensureStateDir(root);
  const path = activityPath(root);
  const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  // A run killed mid-write leaves a line without its newline; start on a fresh line so only that one is lost.
  await writeRedacted(path, (await endsMidLine(path)) ? `\n${text}` : text, { append: true });
}

async function endsMidLine(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const { size } = await file.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await file.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await file.close();
  }
}

/** Reads the log oldest first (newest last), skipping lines that are not records; `limit` keeps the newest N (read from the end of the file), `since` drops older ones. */
export async function readActivity(root: string, options: { limit?: number; since?: Date } = {}): Promise<ActivityRecord[]> {
  return readActivityFile(activityPath(root), options);
}

/** One line of the log as a record, or null when it is not one (blank, cut off, or another shape). */
export const parseLine = parseRecordLine;

/** Calls `visit` with every record of the log in file order, never holding the whole log: for sums over a long one. */
export function scanActivity(root: string, visit: (record: ActivityRecord) => void, options: { since?: Date } = {}): Promise<void> {
  return scanActivityFile(activityPath(root), visit, options);
}

/** The activity record of one gateway call, labelled with the run, plan and step it belongs to. */
export function toActivityRecord(
  call: CallRecord,
  ids: { runId: string; planId: string | null; step: number | null; repo?: string },
  now: Date = new Date(),
): ActivityRecord {
  return {
    id: randomBytes(8).toString('hex'),
    ...(ids.repo !== undefined && { repo: ids.repo }),
    ts: now.toISOString(),
    runId: ids.runId,
    planId: ids.planId,
    step: ids.step,
    role: call.role,
    model: call.model,
    provider: call.provider,
    promptTokens: call.promptTokens,
    completionTokens: call.completionTokens,
    cachedTokens: call.cachedTokens,
    cacheWriteTokens: call.cacheWriteTokens ?? 0,
    latencyMs: call.latencyMs,
    ttftMs: call.ttftMs,
    costUsd: call.costUsd,
    costSource: call.costSource,
    ...(call.upstream !== undefined && { upstream: call.upstream }),
    ...(call.gatewayCache !== undefined && { gatewayCache: call.gatewayCache }),
    ...(call.usageSource && { usageSource: call.usageSource }),
    status: call.status,
    error: call.error ?? null,
    ...(call.meta?.kind !== undefined && { kind: call.meta.kind }),
  };
}
