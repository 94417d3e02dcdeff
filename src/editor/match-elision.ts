import { isBlank } from './indent.js';
import { isElisionMarker } from './elision.js';
import { strictLadder, type Candidate, type MatchContext } from './match-strict.js';

/** One kept piece of an elided block, placed in the file. */
export interface PlacedPiece {
  candidate: Candidate;
  search: string[];
  replace: string[];
}

export type ElisionOutcome =
  | { kind: 'found'; pieces: PlacedPiece[] }
  | { kind: 'ambiguous'; piece: number; starts: number[] }
  | { kind: 'none'; piece: number }
  | { kind: 'mismatch' };

interface Split {
  pieces: string[][];
  leading: boolean;
  trailing: boolean;
}

/** Cut lines at elision markers; pieces that are only blank lines are dropped. */
function split(lines: string[]): Split {
  const pieces: string[][] = [[]];
  for (const line of lines) {
    if (isElisionMarker(line)) pieces.push([]);
    else pieces[pieces.length - 1].push(line);
  }
  const solid = (p: string[]) => p.some((l) => !isBlank(l));
  return { pieces: pieces.filter(solid), leading: !solid(pieces[0]), trailing: !solid(pieces[pieces.length - 1]) };
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
    if (out.kind === 'ambiguous') return { kind: 'ambiguous', piece: i, starts: out.starts };
    if (out.kind === 'none') return { kind: 'none', piece: i };
    placed.push({ candidate: out.candidate, search: out.search, replace: out.replace });
    from = out.candidate.start + out.search.length;
  }
  return { kind: 'found', pieces: placed };
}
