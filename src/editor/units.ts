import type { HunkLine, SourcedBlock } from './parse-common.js';
import { textToLines } from './text-file.js';

/** One thing to apply and report on: a SEARCH/REPLACE block, one diff hunk, a whole file, or a deletion. */
export interface EditUnit {
  /** 0-based position among all units of the answer. */
  index: number;
  path?: string;
  kind: 'replace' | 'whole' | 'delete';
  origin: 'search-replace' | 'udiff' | 'whole';
  search: string[];
  replace: string[];
  /** For diff hunks with unmarked lines between added ones: the reading where those lines are added too. */
  alternative?: { search: string[]; replace: string[] };
  lang?: string;
  /** Hunks of one diff share this number (the diff's place in the answer): they come in file order. */
  diff?: number;
  /** The first line of the block, to name it in messages. */
  label: string;
}

function labelOf(lines: string[]): string {
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const t = first.trim();
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
}

/** An unmarked line, or a blank one that may have lost its marker: neither tells which side it is on. */
const unsure = (l: HunkLine) => l.unmarked || (l.op === ' ' && l.text === '');

/**
 * Lines left unmarked count as added only when the marked lines on both sides of them are added
 * ones. A `+` with no text is such a marked line: it says an added blank line, not a lost marker.
 */
function addedReading(lines: HunkLine[]): HunkLine[] | undefined {
  const out = lines.map((l) => ({ ...l }));
  let changed = false;
  for (let i = 0; i < out.length; i++) {
    if (!out[i].unmarked) continue;
    let j = i;
    while (j < out.length && unsure(out[j])) j++;
    const before = out.slice(0, i).findLast((l) => !unsure(l));
    const after = out.slice(j).find((l) => !unsure(l));
    if (before?.op === '+' && after?.op === '+') {
      for (let k = i; k < j; k++) out[k].op = '+';
      changed = true;
    }
    i = j - 1;
  }
  return changed ? out : undefined;
}

function readings(lines: HunkLine[]): { search: string[]; replace: string[] } {
  return {
    search: lines.filter((l) => l.op !== '+').map((l) => l.text),
    replace: lines.filter((l) => l.op !== '-').map((l) => l.text),
  };
}

/** Turn parsed blocks into units, one per SEARCH/REPLACE block, per diff hunk, per whole file. */
export function toUnits(blocks: SourcedBlock[]): EditUnit[] {
  const units: EditUnit[] = [];
  const add = (u: Omit<EditUnit, 'index'>) => units.push({ ...u, index: units.length });
  for (const [d, b] of blocks.entries()) {
    if (b.kind === 'search-replace') {
      const search = textToLines(b.search);
      const replace = textToLines(b.replace);
      add({ path: b.path, kind: 'replace', origin: 'search-replace', search, replace, label: labelOf(search.length ? search : replace) });
    } else if (b.kind === 'whole') {
      const replace = textToLines(b.content);
      add({ path: b.path, kind: 'whole', origin: 'whole', search: [], replace, lang: b.lang, label: labelOf(replace) });
    } else if (b.deleteFile) {
      const search = b.hunks.flatMap((h) => h.lines.filter((l) => l.op !== '+').map((l) => l.text));
      add({ path: b.path, kind: 'delete', origin: 'udiff', search, replace: [], label: `delete ${b.path ?? 'the file'}` });
    } else {
      for (const h of b.hunks) {
        const main = readings(h.lines);
        const alt = addedReading(h.lines);
        add({
          path: b.path,
          kind: 'replace',
          origin: 'udiff',
          diff: d,
          ...main,
          alternative: alt ? readings(alt) : undefined,
          label: labelOf(h.lines.map((l) => l.text)),
        });
      }
    }
  }
  return units;
}
