import { absorbLostBlanks, trimBlankEdges } from './blank-edges.js';
import type { Placement } from './emit.js';
import { detectIndent, isBlank } from './indent.js';
import { buildIndenter } from './indenter.js';
import { fuzzyLocate } from './match-fuzzy.js';
import { hasElision, locateElided } from './match-elision.js';
import { strictLadder, type Candidate, type MatchContext } from './match-strict.js';

/** One contiguous replacement, placed: old lines, new lines and where they go. */
export interface PlannedEdit {
  search: string[];
  replace: string[];
  placement: Placement;
}

/** What the ladder concluded for one block. `starts` are 0-based line indexes of the file. */
export type Located =
  | { kind: 'found'; strategy: string; edits: PlannedEdit[] }
  | { kind: 'ambiguous'; strategy: string; starts: number[] }
  | { kind: 'close'; starts: number[]; scores: number[] }
  | { kind: 'none' }
  | { kind: 'elision-mismatch' };

/** How strict the fuzzy rung is: the similarity it needs and its lead over the next best place. */
export interface LadderOptions {
  fuzzyThreshold: number;
  fuzzyMargin: number;
}

function planned(search: string[], replace: string[], c: Candidate, fileLines: string[], dirty = new Set<number>()): PlannedEdit {
  const absorbed = dirty.size > 0 ? { search, start: c.start } : absorbLostBlanks(search, replace, c.start, fileLines);
  const window = fileLines.slice(absorbed.start, absorbed.start + absorbed.search.length);
  return {
    search: absorbed.search,
    replace,
    placement: {
      start: absorbed.start,
      length: absorbed.search.length,
      indenter: c.indenter,
      dirty,
      trimTrailing: c.strategy !== 'exact' && window.every((l) => l === l.trimEnd()),
    },
  };
}

/**
 * The matching ladder for one block's old lines: exact, trailing whitespace, indentation (shift or
 * relative), blank lines at the edges, elision markers, then a bounded fuzzy match. The first
 * rung that finds anything decides; several places at that rung is a refusal, never a pick, with
 * one exception: `after` (a diff's previous hunk ends there) settles it when exactly one of the
 * places lies at or past that line, as hunks come in file order.
 */
export function locate(search: string[], replace: string[], fileLines: string[], opts: LadderOptions, after?: number): Located {
  const ctx: MatchContext = { fileLines, model: detectIndent([...search, ...replace]), file: detectIndent(fileLines) };
  const strict = strictLadder(search, replace, ctx);
  if (strict.kind === 'ambiguous') {
    const later = after === undefined ? [] : strict.candidates.filter((c) => c.start >= after);
    if (later.length !== 1) return strict;
    return { kind: 'found', strategy: 'hunk-order', edits: [planned(strict.search, strict.replace, later[0], fileLines)] };
  }
  if (strict.kind === 'found') {
    const edit = planned(strict.search, strict.replace, strict.candidate, fileLines);
    return { kind: 'found', strategy: strict.candidate.strategy, edits: [edit] };
  }
  if (hasElision(search)) {
    const out = locateElided(search, replace, ctx);
    if (out.kind === 'mismatch') return { kind: 'elision-mismatch' };
    if (out.kind === 'ambiguous') return { kind: 'ambiguous', strategy: 'elision', starts: out.starts };
    if (out.kind === 'none') return { kind: 'none' };
    const edits = out.pieces.map((p) => planned(p.search, p.replace, p.candidate, fileLines));
    return { kind: 'found', strategy: 'elision', edits };
  }
  let t = { search, replace };
  let fuzzy = fuzzyLocate(search, fileLines, opts.fuzzyThreshold, opts.fuzzyMargin);
  if (fuzzy.kind === 'none') {
    t = trimBlankEdges(search, replace);
    if (t.search.length < search.length) fuzzy = fuzzyLocate(t.search, fileLines, opts.fuzzyThreshold, opts.fuzzyMargin);
  }
  if (fuzzy.kind === 'close') {
    return { kind: 'close', starts: [fuzzy.best.start, fuzzy.second.start], scores: [fuzzy.best.score, fuzzy.second.score] };
  }
  if (fuzzy.kind === 'none') return { kind: 'none' };
  const pairs = t.search.map((s, k) => [s, fileLines[fuzzy.start + k]] as [string, string]);
  const clean = pairs.filter((_, k) => !fuzzy.dirty.has(k) && !isBlank(pairs[k][0]));
  const indenter = buildIndenter({ pairs: clean.length > 0 ? clean : pairs, model: ctx.model, file: ctx.file });
  if (!indenter) return { kind: 'none' };
  const candidate: Candidate = { start: fuzzy.start, indenter, strategy: 'fuzzy' };
  return { kind: 'found', strategy: 'fuzzy', edits: [planned(t.search, t.replace, candidate, fileLines, fuzzy.dirty)] };
}
