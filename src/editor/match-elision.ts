import { columns, indentOf, isBlank } from './indent.js';
import { isElisionMarker } from './elision.js';
import { strictLadder, type Candidate, type MatchContext } from './match-strict.js';

/** One kept piece of an elided block, placed in the file. */
export interface PlacedPiece {
  candidate: Candidate;
  search: string[];
  replace: string[];
}

/** The elision rung's verdict; `piece` is the 0-based kept piece that failed. */
export type ElisionOutcome =
  | { kind: 'found'; pieces: PlacedPiece[] }
  | { kind: 'ambiguous'; piece: number; starts: number[] }
  | { kind: 'none'; piece: number }
  | { kind: 'mismatch' };

interface Split {
  pieces: string[][];
  /** The marker line before each piece (undefined for a first piece with none before it). */
  markerBefore: Array<string | undefined>;
  leading: boolean;
  trailing: boolean;
}

/** Cut lines at elision markers; pieces that are only blank lines are dropped. */
function split(lines: string[]): Split {
  const pieces: string[][] = [[]];
  const markers: string[] = [];
  for (const line of lines) {
    if (isElisionMarker(line)) {
      pieces.push([]);
      markers.push(line);
    } else pieces[pieces.length - 1].push(line);
  }
  const solid = (p: string[]) => p.some((l) => !isBlank(l));
  const kept = pieces.map((p, i) => ({ p, marker: markers[i - 1] })).filter(({ p }) => solid(p));
  return {
    pieces: kept.map(({ p }) => p),
    markerBefore: kept.map(({ marker }) => marker),
    leading: !solid(pieces[0]),
    trailing: !solid(pieces[pieces.length - 1]),
  };
}

/**
 * The last line of the block opened by file line `opener`: the first later non-blank line indented
 * no deeper than the opener. -1 when the block runs to the end of the file.
 */
function blockEnd(fileLines: string[], opener: number): number {
  const depth = columns(indentOf(fileLines[opener]));
  for (let i = opener + 1; i < fileLines.length; i++) {
    if (!isBlank(fileLines[i]) && columns(indentOf(fileLines[i])) <= depth) return i;
  }
  return -1;
}

/**
 * A piece after a marker indented inside the previous piece's last line (`add() {`, `// ...`, `}`)
 * must start inside that block or on the line closing it: the elided lines are the block's body.
 * Of the places found, those are kept; without such a marker all are.
 */
function withinBlock(candidates: Candidate[], marker: string | undefined, prevLast: { model: string; file: number }, fileLines: string[]): Candidate[] {
  if (marker === undefined || columns(indentOf(marker)) <= columns(indentOf(prevLast.model))) return candidates;
  const end = blockEnd(fileLines, prevLast.file);
  return candidates.filter((c) => c.start > prevLast.file && (end === -1 || c.start <= end));
}

/** True when the old text has elision markers, so the elision rung applies. */
export function hasElision(search: string[]): boolean {
  return search.some(isElisionMarker);
}

/**
 * Old text with `...`-style markers: each kept piece must be found exactly once, in order, after
 * the previous one, and the new text must elide at the same places. The elided lines stay as they
 * are. A marker at an edge of the new text is accepted only where the old text has one too:
 * otherwise it would stand for lines the old text says to replace.
 */
export function locateElided(search: string[], replace: string[], ctx: MatchContext): ElisionOutcome {
  const s = split(search);
  const r = split(replace);
  // Old text with one kept piece and no new text: that piece is deleted.
  if (r.pieces.length === 0 && s.pieces.length === 1) r.pieces.push([]);
  if (s.pieces.length !== r.pieces.length || s.pieces.length === 0) return { kind: 'mismatch' };
  if ((r.leading && !s.leading) || (r.trailing && !s.trailing)) return { kind: 'mismatch' };
  const placed: PlacedPiece[] = [];
  let from = 0;
  for (const [i, piece] of s.pieces.entries()) {
    const out = strictLadder(piece, r.pieces[i], ctx, from);
    if (out.kind === 'none') return { kind: 'none', piece: i };
    let candidates = out.kind === 'found' ? [out.candidate] : out.candidates;
    const prev = placed[placed.length - 1];
    if (prev) {
      const last = prev.search.findLastIndex((l) => !isBlank(l));
      candidates = withinBlock(candidates, s.markerBefore[i], { model: prev.search[last], file: prev.candidate.start + last }, ctx.fileLines);
    }
    if (candidates.length === 0) return { kind: 'none', piece: i };
    if (candidates.length > 1) return { kind: 'ambiguous', piece: i, starts: candidates.map((c) => c.start) };
    placed.push({ candidate: candidates[0], search: out.search, replace: out.replace });
    from = candidates[0].start + out.search.length;
  }
  return { kind: 'found', pieces: placed };
}
