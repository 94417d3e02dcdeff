import { diffChars } from 'diff';

interface CharEdit {
  start: number;
  end: number;
  text: string;
}

function charEdits(base: string, other: string): CharEdit[] {
  const edits: CharEdit[] = [];
  let pos = 0;
  for (const change of diffChars(base, other)) {
    const size = change.removed ? change.value.length : 0;
    if (!change.added && !change.removed) {
      pos += change.value.length;
      continue;
    }
    const edit = { start: pos, end: pos + size, text: change.added ? change.value : '' };
    const last = edits[edits.length - 1];
    if (last && last.end === edit.start) {
      last.end = edit.end;
      last.text += edit.text;
    } else edits.push(edit);
    pos += size;
  }
  return edits;
}

/**
 * Three-way merge of one line at character level: the model changed `base` into `theirs`, but the
 * file really holds `ours` (base with a typo fixed). Applies both when they touch different
 * characters; null when they touch the same or adjacent ones (then nobody can say what was meant).
 */
export function mergeLine(base: string, ours: string, theirs: string): string | null {
  const a = charEdits(base, ours);
  const b = charEdits(base, theirs).filter((e) => !a.some((x) => x.start === e.start && x.end === e.end && x.text === e.text));
  for (const x of a) for (const y of b) if (x.start <= y.end && y.start <= x.end) return null;
  let out = base;
  for (const e of [...a, ...b].sort((p, q) => q.start - p.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
