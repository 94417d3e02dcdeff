import type { ActivityRecord } from './types.js';

const ROLES = new Set(['architect', 'editor', 'fallback', 'summarizer']);
const COST_SOURCES = new Set(['gateway', 'pricing', 'unknown']);
const STATUSES = new Set(['ok', 'error']);

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number';
const orNull = (check: (v: unknown) => boolean) => (v: unknown) => v === null || check(v);

// The DESIGN.md record's fields and what each must hold; other fields are kept as they are.
const FIELDS: Array<[keyof ActivityRecord, (v: unknown) => boolean]> = [
  ['ts', (v) => isString(v) && !Number.isNaN(Date.parse(v))],
  ['runId', isString],
  ['planId', orNull(isString)],
  ['step', orNull(isNumber)],
  ['role', (v) => isString(v) && ROLES.has(v)],
  ['model', isString],
  ['provider', isString],
  ['promptTokens', isNumber],
  ['completionTokens', isNumber],
  ['cachedTokens', isNumber],
  ['cacheWriteTokens', (v) => v === undefined || isNumber(v)],
  ['latencyMs', isNumber],
  ['ttftMs', orNull(isNumber)],
  ['costUsd', orNull(isNumber)],
  ['costSource', (v) => isString(v) && COST_SOURCES.has(v)],
  ['status', (v) => isString(v) && STATUSES.has(v)],
  ['error', orNull(isString)],
];

/**
 * One line of the activity log as a record, or null for a blank line, a torn or foreign line, or a record
 * missing a field. Checked by hand rather than with a schema library: `tandem stats` reads every line.
 */
export function parseRecordLine(line: string): ActivityRecord | null {
  if (line.length < 2 || line.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  for (const [key, valid] of FIELDS) if (!valid(record[key])) return null;
  return record as unknown as ActivityRecord;
}
