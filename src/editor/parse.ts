import { EditFormatError } from './errors.js';
import { normalizeAnswer, type NameCheck, type SourcedBlock } from './parse-common.js';
import { parseSearchReplace } from './parse-search-replace.js';
import { parseUdiff } from './parse-udiff.js';
import { parseWhole } from './parse-whole.js';
import type { ParsedBlock } from './types.js';

const NOTHING_FOUND =
  'I found no edit in your answer. Answer with SEARCH/REPLACE blocks, a unified diff, or the complete file in one fenced code block, as the instructions say.';

/**
 * The blocks of an answer in the order written. SEARCH/REPLACE blocks and diffs are explicit, so
 * when either is present fenced code is never read as a whole file (it may be an example).
 * `names` says which bare names (`Makefile`) are files, so a line holding one names the block's file.
 */
export function parseBlocks(answer: string, names?: NameCheck): SourcedBlock[] {
  const lines = normalizeAnswer(answer).split('\n');
  const sr = parseSearchReplace(lines, names);
  const rest = [...lines];
  for (const [start, end] of sr.spans) for (let i = start; i <= end; i++) rest[i] = '';
  const diffs = parseUdiff(rest, names);
  const explicit: SourcedBlock[] = [...sr.blocks, ...diffs].sort((a, b) => a.line - b.line);
  if (explicit.length > 0) return explicit;
  const whole = parseWhole(lines, names);
  if (whole.length > 0) return whole;
  throw new EditFormatError('no edit found in the answer', NOTHING_FOUND);
}

/** Parse a model's answer into edit blocks (search/replace, unified diff or whole file); throws EditFormatError when it holds none. */
export function parseAnswer(answer: string): ParsedBlock[] {
  return parseBlocks(answer);
}
