import { randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CallRecord } from '../gateway/types.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { ensureStateDir, stateDir } from '../workspace/state.js';
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

/** Reads the log oldest first (newest last), skipping lines that are not records; `limit` keeps the newest N, `since` drops older ones. */
export async function readActivity(root: string, options: { limit?: number; since?: Date } = {}): Promise<ActivityRecord[]> {
  let text: string;
  try {
    text = await readFile(activityPath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const since = options.since?.getTime() ?? -Infinity;
  const records = text
    .split('\n')
    .map(parseLine)
    .filter((record): record is ActivityRecord => record !== null && Date.parse(record.ts) >= since)
    // Concurrent runs may append out of order; a stable sort keeps file order for equal times.
    .sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  return options.limit === undefined ? records : records.slice(Math.max(records.length - options.limit, 0));
}

const recordSchema = z.looseObject({
  ts: z.string().refine((ts) => !Number.isNaN(Date.parse(ts))),
  runId: z.string(),
  planId: z.string().nullable(),
  step: z.number().nullable(),
  role: z.enum(['architect', 'editor', 'fallback', 'summarizer']),
  model: z.string(),
  provider: z.string(),
  promptTokens: z.number(),
  completionTokens: z.number(),
  cachedTokens: z.number(),
  cacheWriteTokens: z.number().optional(),
  latencyMs: z.number(),
  ttftMs: z.number().nullable(),
  costUsd: z.number().nullable(),
  costSource: z.enum(['gateway', 'pricing', 'unknown']),
  status: z.enum(['ok', 'error']),
  error: z.string().nullable(),
});

/** One line of the log as a record, or null when it is not one (blank, cut off, or another shape). */
export function parseLine(line: string): ActivityRecord | null {
  if (line.trim() === '') return null;
  try {
    const parsed = recordSchema.safeParse(JSON.parse(line));
    return parsed.success ? (parsed.data as ActivityRecord) : null;
  } catch {
    return null;
  }
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
  };
}
