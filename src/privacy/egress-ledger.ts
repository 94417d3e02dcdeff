import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrivacyLevel, RoleName } from '../config/types.js';
import { ensureStateDir, stateDir } from '../workspace/state.js';
import { writeRedacted } from './safe-write.js';

/** How a file went out: whole, a window of it, its outline, a summary written locally, or (a project rules file) as rules. */
export type EgressForm = 'content' | 'excerpt' | 'outline' | 'summary' | 'rules';

/** One file in one request: what of it was sent and its size as sent (after redaction). */
export interface EgressFile {
  path: string;
  form: EgressForm;
  bytes: number;
  tokens: number;
  /** Secrets replaced by placeholders in this file's part. */
  redactions: number;
}

/** One line of `.tandem/egress.jsonl`: what one model request carried, to whom. */
export interface EgressRecord {
  ts: string;
  runId: string;
  planId: string | null;
  step: number | null;
  role: RoleName;
  model: string;
  provider: string;
  /** False only for a role marked `local: true`. */
  cloud: boolean;
  privacy: PrivacyLevel;
  /** The whole request's message text, in UTF-8 bytes and tokens. */
  bytes: number;
  tokens: number;
  files: EgressFile[];
  /** Files the request named by path only (the repository view's path list). */
  pathsListed: number;
  /** Files asked for or named but never sent (secret files, ignored files). */
  withheld: string[];
  /** Secrets replaced, by kind, in the whole request. */
  redactions: Record<string, number>;
}

/** `.tandem/egress.jsonl`. */
export function egressPath(root: string): string {
  return join(stateDir(root), 'egress.jsonl');
}

const writing = new Map<string, Promise<void>>();

/** Appends one record in a single write; appends from one process are chained so lines never interleave. */
export function appendEgress(root: string, record: EgressRecord): Promise<void> {
  const previous = writing.get(root) ?? Promise.resolve();
  const next = previous.then(async () => {
    await ensureStateDir(root);
    await writeRedacted(egressPath(root), `${JSON.stringify(record)}\n`, { append: true });
  });
  writing.set(
    root,
    next.catch(() => undefined),
  );
  return next;
}

/** Reads the ledger oldest first, skipping lines that are not records (a line cut by a crash). */
export async function readEgress(root: string): Promise<EgressRecord[]> {
  let text: string;
  try {
    text = await readFile(egressPath(root), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const records: EgressRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const record = JSON.parse(line) as EgressRecord;
      if (typeof record.runId === 'string' && typeof record.bytes === 'number' && Array.isArray(record.files)) records.push(record);
    } catch {
      // A partial line from an interrupted write: skip it.
    }
  }
  return records;
}
