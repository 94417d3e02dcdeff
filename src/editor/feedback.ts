import { nearestStart, numberedLines } from './nearest.js';
import type { Failure } from './outcome.js';
import type { EditUnit } from './units.js';

const lineList = (starts: number[]) => {
  const shown = starts.slice(0, 5).map((s) => s + 1);
  return shown.join(', ') + (starts.length > 5 ? ', ...' : '');
};

/** The short reason a user sees for a block that did not apply. */
export function reasonFor(failure: Failure, path: string): string {
  switch (failure.kind) {
    case 'no-match': return `no match in ${path}`;
    case 'ambiguous': return `matches ${failure.starts.length} places (lines ${lineList(failure.starts)})`;
    case 'close': return `fuzzy match too close to call (lines ${lineList(failure.starts)})`;
    case 'wrong-file': return `block is for ${failure.path}, not ${path}`;
    case 'elided-whole': return `whole file elides code (line ${failure.lineNo}: ${failure.line})`;
    case 'empty-whole': return 'whole file is empty';
    case 'elided-replace': return `replacement elides code (${failure.line})`;
    case 'elision-mismatch': return 'elision markers differ between SEARCH and REPLACE';
    case 'conflict': return `changes a line that differs from the file (${failure.line})`;
    case 'reindent': return 'new lines cannot be re-indented for the file';
    case 'empty-search': return `no old lines to locate, but ${path} is not empty`;
    case 'missing-file': return `${path} does not exist`;
    case 'wrong-lang': return `code block is ${failure.lang}, not ${path}`;
    case 'delete-mismatch': return `deletion lists lines that are not ${path}'s content`;
  }
}

function nearest(unit: EditUnit, fileLines: string[], path: string): string {
  const start = nearestStart(unit.search, fileLines);
  if (start === undefined) return `${path} is empty.`;
  return `The nearest lines in ${path} are:\n${numberedLines(fileLines, start, unit.search.length)}`;
}

/** What the model is told about one block: why it failed and, where it helps, the real lines of the file. */
function explain(unit: EditUnit, failure: Failure, fileLines: string[], path: string): string {
  const copy = 'Copy the lines to replace exactly from the file, with their indentation.';
  const old = unit.origin === 'udiff' ? 'its unchanged and removed lines' : 'its SEARCH lines';
  switch (failure.kind) {
    case 'no-match': return `${old} are not in ${path}. ${nearest(unit, fileLines, path)}\n${copy}`;
    case 'ambiguous':
      return `${old} match ${failure.starts.length} places in ${path} (lines ${lineList(failure.starts)}). Add unchanged lines around the change so it matches one place only.`;
    case 'close':
      return `${old} are not in ${path} exactly, and lines ${lineList(failure.starts)} are about equally close. Copy the lines exactly from the file and add enough of them to tell the places apart. ${nearest(unit, fileLines, path)}`;
    case 'wrong-file': return `it is for ${failure.path}, but this step edits ${path} only. Send edits for ${path} only.`;
    case 'elided-whole':
      return `the file you sent leaves code out (line ${failure.lineNo}: "${failure.line}"). Send the complete file with every line written out.`;
    case 'empty-whole': return `the file you sent is empty. Send the complete new content of ${path}.`;
    case 'elided-replace':
      return `its REPLACE part stands for code with "${failure.line}" instead of writing it. Write out every line that should be in the file.`;
    case 'elision-mismatch':
      return 'its SEARCH part leaves lines out with "..." but its REPLACE part does not at the same places. Use the same "..." lines in both parts, or write every line out.';
    case 'conflict':
      return `the line "${failure.line}" is not exactly what the file says, and the change is to that same text. ${nearest(unit, fileLines, path)}\n${copy}`;
    case 'reindent': return `the indentation of its new lines does not fit the file's. ${copy}`;
    case 'empty-search':
      if (unit.origin === 'udiff') return `it has only added lines, but ${path} is not empty. Give each hunk two or three unchanged lines around the change.`;
      return `its SEARCH part is empty but ${path} is not. Put the lines to change in SEARCH; to add lines, put the lines they follow in SEARCH and repeat them in REPLACE.`;
    case 'missing-file': return `${path} does not exist. To create it, send its complete content.`;
    case 'wrong-lang': return `the code block is marked ${failure.lang}, but ${path} is not a ${failure.lang} file. Send the content of ${path} itself.`;
    case 'delete-mismatch': return `it deletes ${path}, but the lines it lists are not the file's content.`;
  }
}

/** One failed unit, for the feedback. */
export interface FailedUnit {
  unit: EditUnit;
  failure: Failure;
}

/**
 * The feedback for a retry: each failed block by number and first line, why, the nearest real
 * lines; then which blocks applied and must not be sent again. Line numbers refer to the file as
 * it is now (with the applied blocks in it).
 */
export function buildFeedback(failed: FailedUnit[], applied: number[], fileLines: string[], path: string): string {
  const parts = failed.map(({ unit, failure }) => {
    const kind = unit.origin === 'udiff' ? 'Hunk' : 'Block';
    const name = unit.label ? `${kind} ${unit.index + 1} ("${unit.label}")` : `${kind} ${unit.index + 1}`;
    return `${name} was not applied: ${explain(unit, failure, fileLines, path)}`;
  });
  const numbers = (xs: number[]) => xs.map((i) => i + 1).join(', ');
  const noun = failed.every((f) => f.unit.origin === 'udiff') ? 'hunk' : 'block';
  if (applied.length > 0) {
    const one = applied.length === 1;
    const Noun = noun[0].toUpperCase() + noun.slice(1);
    parts.push(
      `${Noun}${one ? '' : 's'} ${numbers(applied)} applied and ${one ? 'is' : 'are'} now in the file: do not send ${one ? 'it' : 'them'} again. Send only corrected versions of ${noun}${failed.length === 1 ? '' : 's'} ${numbers(failed.map((f) => f.unit.index))}, written against the file as it is now.`,
    );
  } else parts.push('Nothing was applied. Send the corrected edit.');
  return parts.join('\n\n');
}
