import { applyDelete, applyReplace } from './apply-replace.js';
import { applyWhole } from './apply-whole.js';
import { EditFormatError } from './errors.js';
import { buildFeedback, reasonFor, type FailedUnit } from './feedback.js';
import { locate, type LadderOptions } from './match.js';
import { notApplied, type UnitOutcome } from './outcome.js';
import { parseBlocks } from './parse.js';
import { cleanPath, pathMatches } from './paths.js';
import { parseTextFile, serializeTextFile, type TextFile } from './text-file.js';
import type { BlockReport, EngineOptions, FileEditResult } from './types.js';
import { toUnits, type EditUnit } from './units.js';

/** Default similarity a fuzzy match must reach, and how far ahead of the next place it must be. */
const FUZZY_THRESHOLD = 0.9;
const FUZZY_MARGIN = 0.05;

function applyUnit(unit: EditUnit, file: TextFile | null, path: string, opts: LadderOptions, after?: number): UnitOutcome {
  if (unit.kind === 'whole') return applyWhole(file, unit.replace, path, unit.lang);
  if (unit.kind === 'delete') return applyDelete(file, unit.search);
  const first = applyReplace(file, unit.search, unit.replace, opts, after);
  if (first.status !== 'failed' || !unit.alternative) return first;
  const second = applyReplace(file, unit.alternative.search, unit.alternative.replace, opts, after);
  return second.status === 'applied' || second.status === 'unchanged' ? second : first;
}

/** The end of a diff's latest hunk, or null once one hunk landed above an earlier one. */
function ordered(prev: number | null | undefined, span: { start: number; end: number }): number | null {
  return prev === null || (prev !== undefined && span.start < prev) ? null : span.end;
}

/** Line numbers of a refusal, recomputed on the final file so the model sees the file as it is now. */
function rediagnose(f: FailedUnit, lines: string[], opts: LadderOptions): FailedUnit {
  if (f.failure.kind !== 'ambiguous' && f.failure.kind !== 'close') return f;
  const again = locate(f.unit.search, f.unit.replace, lines, opts);
  if (again.kind === 'ambiguous' || again.kind === 'close') return { ...f, failure: { kind: f.failure.kind, starts: again.starts } };
  return f;
}

function applyUnits(units: EditUnit[], target: { path: string; content: string | null }, opts: LadderOptions, checkPaths: boolean): FileEditResult {
  const { path } = target;
  let file = target.content === null ? null : parseTextFile(target.content);
  const blocks: BlockReport[] = [];
  const failed: FailedUnit[] = [];
  const applied: number[] = [];
  let touched = false;
  // Where the last applied hunk of each diff ends: its next hunks lie below it, unless the diff was
  // seen out of order (null), which makes its order worthless as evidence.
  const ends = new Map<number, number | null>();
  for (const unit of units) {
    const wrongFile = checkPaths && unit.path !== undefined && !pathMatches(unit.path, path);
    const after = unit.diff === undefined ? undefined : (ends.get(unit.diff) ?? undefined);
    const out = wrongFile ? notApplied({ kind: 'wrong-file', path: unit.path! }) : applyUnit(unit, file, path, opts, after);
    const report: BlockReport = { index: unit.index, file: wrongFile ? unit.path! : path, status: out.status, strategy: out.strategy };
    if ('failure' in out) {
      report.reason = reasonFor(out.failure, path);
      failed.push({ unit, failure: out.failure });
    } else {
      if (out.status === 'applied') {
        file = out.file;
        if (unit.diff !== undefined && out.span) ends.set(unit.diff, ordered(ends.get(unit.diff), out.span));
        applied.push(unit.index);
        touched = true;
      }
      if (out.note) report.reason = out.note;
    }
    blocks.push(report);
  }
  const after = !touched ? target.content : file === null ? null : serializeTextFile(file);
  const changed = after !== target.content;
  const lines = file?.lines ?? [];
  let feedback: string | undefined;
  if (failed.length > 0) {
    const diagnosed = applied.length > 0 ? failed.map((f) => rediagnose(f, lines, opts)) : failed;
    feedback = buildFeedback(diagnosed, applied, lines, path);
  } else if (!changed) feedback = `Your edit changes nothing in ${path}. Make the change the step asks for.`;
  return { path, before: target.content, after, ok: failed.length === 0 && changed, changed, blocks, feedback };
}

function ladderOptions(options: EngineOptions): LadderOptions {
  return { fuzzyThreshold: options.fuzzyThreshold ?? FUZZY_THRESHOLD, fuzzyMargin: FUZZY_MARGIN };
}

/**
 * Apply a model's answer to one file: parse, keep the blocks for this file (others are refused),
 * apply them in order. `after` holds every block that applied even when another did not, so a
 * retry only redoes the failed ones. Never throws for bad model output: an unreadable answer is a
 * failed result with feedback.
 */
export function applyAnswer(answer: string, target: { path: string; content: string | null }, options: EngineOptions = {}): FileEditResult {
  let units: EditUnit[];
  let format: FileEditResult['format'];
  try {
    // A bare name names a file when it is the target's own name or the caller knows such a file.
    const own = target.path.split('/').pop();
    const blocks = parseBlocks(answer, (name) => name === own || options.isFileName?.(name) === true);
    format = blocks[0]?.kind;
    units = toUnits(blocks);
  } catch (error) {
    if (!(error instanceof EditFormatError)) throw error;
    const report: BlockReport = { index: 0, file: target.path, status: 'failed', reason: error.message };
    const { content } = target;
    return { path: target.path, before: content, after: content, ok: false, changed: false, blocks: [report], feedback: error.modelMessage };
  }
  return { ...applyUnits(units, target, ladderOptions(options), true), format };
}

/**
 * Apply an answer that may edit several files (as `tandem patch` reads one): blocks are grouped
 * by the path they name (a block without one belongs to the file of the block before it), each
 * file read through `read` (null: it does not exist). Paths stay as written: confining them is the
 * caller's job. Throws EditFormatError when the answer holds no edit or a block names no file.
 */
export function applyAnswerToFiles(answer: string, read: (path: string) => string | null, options: EngineOptions = {}): FileEditResult[] {
  const units = toUnits(parseBlocks(answer, (name) => options.isFileName?.(name) === true || read(name) !== null));
  const groups = new Map<string, EditUnit[]>();
  let last: string | undefined;
  for (const unit of units) {
    const path = unit.path !== undefined ? cleanPath(unit.path) : last;
    if (path === undefined) {
      throw new EditFormatError(
        `block ${unit.index + 1} names no file`,
        `Block ${unit.index + 1} does not say which file it edits. Put the file's path on the line before each block.`,
      );
    }
    last = path;
    groups.set(path, [...(groups.get(path) ?? []), unit]);
  }
  const opts = ladderOptions(options);
  return [...groups].map(([path, group]) => applyUnits(group, { path, content: read(path) }, opts, false));
}
