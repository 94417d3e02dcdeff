import { indentOf } from './indent.js';
import type { Indenter } from './indenter.js';
import { diffLineOps, groupOps } from './line-diff.js';
import { mergeLine } from './merge-line.js';

/** Where a block's old lines sit in the file and how its new lines are to be written there. */
export interface Placement {
  start: number;
  length: number;
  indenter: Indenter;
  /** Old lines that differ from the file line they were matched to (fuzzy matches only). */
  dirty: Set<number>;
  /** Drop the model's trailing whitespace on new lines (the file has none there). */
  trimTrailing: boolean;
}

/** The new lines, or why they cannot be written (an old line's index names the culprit). */
export type EmitResult =
  | { ok: true; lines: string[] }
  | { ok: false; kind: 'reindent' | 'conflict'; oldIndex: number };

/**
 * The lines that replace the placed window. Lines the model kept are copied from the file (so
 * their exact indentation, trailing spaces and typo-free text survive); new lines are re-indented
 * for the file. A changed line whose old text differed from the file is merged at character
 * level, and refused when the two changes touch.
 */
export function emitReplacement(search: string[], replace: string[], place: Placement, fileLines: string[]): EmitResult {
  const out: string[] = [];
  // A mistyped old line that reappears as a new line elsewhere (moved) would bring the typo with it.
  const typos = new Set([...place.dirty].map((d) => search[d].trim()));
  const render = (line: string) => {
    const r = place.indenter.render(line);
    return r === null || !place.trimTrailing ? r : r.trimEnd();
  };
  for (const item of groupOps(diffLineOps(search, replace))) {
    if ('equal' in item) {
      out.push(fileLines[place.start + item.equal.old]);
      continue;
    }
    const { deleted, inserted } = item.change;
    const dirty = deleted.filter((d) => place.dirty.has(d));
    if (dirty.length > 0 && inserted.length > 0 && deleted.length !== inserted.length) {
      return { ok: false, kind: 'conflict', oldIndex: dirty[0] };
    }
    for (const [k, r] of inserted.entries()) {
      const rendered = render(replace[r]);
      if (rendered === null) return { ok: false, kind: 'reindent', oldIndex: deleted[0] ?? 0 };
      const d = deleted[k];
      if (dirty.length === 0 || !place.dirty.has(d)) {
        if (typos.has(replace[r].trim())) return { ok: false, kind: 'conflict', oldIndex: [...place.dirty][0] };
        out.push(rendered);
        continue;
      }
      const fileLine = fileLines[place.start + d];
      const merged = mergeLine(search[d].trim(), fileLine.trim(), replace[r].trim());
      if (merged === null) return { ok: false, kind: 'conflict', oldIndex: d };
      out.push(merged === '' ? '' : indentOf(rendered) + merged);
    }
  }
  return { ok: true, lines: out };
}
