import { emitReplacement } from './emit.js';
import { isBareEllipsis, isElisionComment, isPythonStubBody } from './elision.js';
import { detectIndent, isBlank } from './indent.js';
import { diffLineOps, groupOps } from './line-diff.js';
import { locate, type LadderOptions, type PlannedEdit } from './match.js';
import { strictCandidates } from './match-strict.js';
import { notApplied, type UnitOutcome } from './outcome.js';
import { newTextFile, serializeTextFile, spliceLines, type TextFile } from './text-file.js';

/** A new line of the replacement that stands for code instead of being code (`// ... rest unchanged`). */
function lazyLine(search: string[], replace: string[]): string | undefined {
  for (const item of groupOps(diffLineOps(search, replace))) {
    if (!('change' in item)) continue;
    for (const r of item.change.inserted) {
      const line = replace[r];
      if (isElisionComment(line)) return line;
      if (isBareEllipsis(line) && item.change.deleted.length > 0 && !isPythonStubBody(replace, r)) return line;
    }
  }
  return undefined;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((l, i) => l.trimEnd() === b[i].trimEnd());
}

/**
 * True when the new text is already in the file at exactly one place (a block sent again on a
 * retry). A single line says too little: it may simply exist elsewhere.
 */
function alreadyThere(replace: string[], fileLines: string[]): boolean {
  if (replace.filter((l) => !isBlank(l)).length < 2) return false;
  const ctx = { fileLines, model: detectIndent(replace), file: detectIndent(fileLines) };
  return strictCandidates(replace, 'whitespace', ctx).length === 1;
}

function applyEdits(file: TextFile, edits: PlannedEdit[], strategy: string): UnitOutcome {
  let next = file;
  // Edits go in bottom up; `end` follows the lowest one's last new line as the ones above resize.
  let end = 0;
  let first = 0;
  for (const [k, edit] of [...edits].sort((a, b) => b.placement.start - a.placement.start).entries()) {
    const lazy = strategy === 'elision' ? undefined : lazyLine(edit.search, edit.replace);
    if (lazy !== undefined) return notApplied({ kind: 'elided-replace', line: lazy.trim() }, strategy);
    const out = emitReplacement(edit.search, edit.replace, edit.placement, file.lines);
    if (!out.ok) {
      const failure = out.kind === 'reindent' ? ({ kind: 'reindent' } as const) : ({ kind: 'conflict', line: edit.search[out.oldIndex].trim() } as const);
      return notApplied(failure, strategy);
    }
    const { start, length } = edit.placement;
    next = spliceLines(next, start, start + length, out.lines);
    end = k === 0 ? start + out.lines.length : end + out.lines.length - length;
    first = start;
  }
  const unchanged = serializeTextFile(next) === serializeTextFile(file);
  return unchanged ? { status: 'unchanged', strategy, file, note: 'the edit changes nothing' } : { status: 'applied', strategy, file: next, span: { start: first, end } };
}

/** Apply one block's old lines -> new lines to the file (null: it does not exist); `after`: see `locate`. */
export function applyReplace(file: TextFile | null, search: string[], replace: string[], opts: LadderOptions, after?: number): UnitOutcome {
  const emptySearch = search.every(isBlank);
  if (file === null) return emptySearch ? { status: 'applied', strategy: 'create', file: newTextFile(replace) } : notApplied({ kind: 'missing-file' });
  if (emptySearch) {
    // Blank old text fills an empty file (or one of blank lines it covers); anywhere else it locates nothing.
    if (!file.lines.every(isBlank) || (search.length > 0 && search.length < file.lines.length)) return notApplied({ kind: 'empty-search' });
    if (replace.every(isBlank)) return { status: 'unchanged', strategy: 'create', file, note: 'the edit changes nothing' };
    return { status: 'applied', strategy: 'create', file: spliceLines(file, 0, file.lines.length, replace) };
  }
  if (sameLines(search, replace)) return { status: 'unchanged', strategy: 'none', file, note: 'the edit changes nothing' };
  const found = locate(search, replace, file.lines, opts, after);
  switch (found.kind) {
    case 'found':
      return applyEdits(file, found.edits, found.strategy);
    case 'ambiguous':
      return notApplied({ kind: 'ambiguous', starts: found.starts }, found.strategy);
    case 'close':
      return notApplied({ kind: 'close', starts: found.starts }, 'fuzzy');
    case 'elision-mismatch':
      return notApplied({ kind: 'elision-mismatch' }, 'elision');
    case 'none':
      if (alreadyThere(replace, file.lines)) return { status: 'unchanged', strategy: 'none', file, note: 'already applied' };
      return notApplied({ kind: 'no-match' });
  }
}

/** Delete the file; when the diff lists its lines, they must be the file's content. */
export function applyDelete(file: TextFile | null, search: string[]): UnitOutcome {
  if (file === null) return notApplied({ kind: 'missing-file' });
  if (search.length > 0 && !sameLines(search, file.lines)) return notApplied({ kind: 'delete-mismatch' }, 'delete');
  return { status: 'applied', strategy: 'delete', file: null };
}
