import type { IndentInfo } from './indent.js';
import { buildIndenter, type Indenter } from './indenter.js';
import { trimBlankEdges } from './blank-edges.js';

/** The strict rungs of the ladder, each more tolerant than the last; none of them guesses. */
export type StrictRung = 'exact' | 'whitespace' | 'indent';

/** The strict rungs, tried in this order. */
const STRICT_RUNGS: StrictRung[] = ['exact', 'whitespace', 'indent'];

/** A place where a block's old lines sit, with the map for its new lines. */
export interface Candidate {
  start: number;
  indenter: Indenter;
  strategy: string;
}

/** The file's lines and how the model's block and the file indent. */
export interface MatchContext {
  fileLines: string[];
  model: IndentInfo;
  file: IndentInfo;
}

/** The map that writes every line as the model wrote it. */
const IDENTITY: Indenter = { alpha: 1, beta: 0, sameStyle: true, render: (line) => (line.trim() === '' ? '' : line) };

/** True when some lines are indented with tabs and others with (two or more) spaces. */
function mixesStyles(lines: string[]): boolean {
  return lines.some((l) => /^\t+\S/.test(l)) && lines.some((l) => /^ {2,}\S/.test(l));
}

const KEYS: Record<StrictRung, (line: string) => string> = {
  exact: (l) => l,
  whitespace: (l) => l.trimEnd(),
  indent: (l) => l.trim(),
};

function strategyOf(rung: StrictRung, indenter: Indenter): string {
  if (rung !== 'indent') return rung;
  return indenter.alpha === 1 && indenter.sameStyle ? 'indent-shift' : 'relative-indent';
}

/**
 * Every window of the file (starting at or after `from`) holding `search` under one rung. For
 * the indentation rung a window counts only when a single shift and scale explains all its lines.
 */
export function strictCandidates(search: string[], rung: StrictRung, ctx: MatchContext, from = 0): Candidate[] {
  const key = KEYS[rung];
  const wanted = search.map(key);
  const lines = ctx.fileLines;
  const out: Candidate[] = [];
  for (let i = from; i + wanted.length <= lines.length; i++) {
    let k = 0;
    while (k < wanted.length && key(lines[i + k]) === wanted[k]) k++;
    if (k < wanted.length) continue;
    const pairs = search.map((s, j) => [s, lines[i + j]] as [string, string]);
    // Lines copied with their indentation intact are the file's own terms. Where the file mixes tabs and
    // spaces (a space-indented union line in a tab file), or no map reads the block, no conversion can be
    // right: its new lines are taken as written, so an exact unique match is never refused.
    const literal = rung !== 'indent' && mixesStyles(lines.slice(i, i + wanted.length));
    const indenter = literal ? IDENTITY : (buildIndenter({ pairs, model: ctx.model, file: ctx.file }) ?? (rung === 'indent' ? null : IDENTITY));
    if (!indenter) continue;
    out.push({ start: i, indenter, strategy: strategyOf(rung, indenter) });
  }
  return out;
}

/** The strict ladder's verdict, with the (possibly blank-trimmed) block it placed. */
export type StrictOutcome =
  | { kind: 'found'; candidate: Candidate; search: string[]; replace: string[] }
  | { kind: 'ambiguous'; strategy: string; starts: number[]; candidates: Candidate[]; search: string[]; replace: string[] }
  | { kind: 'none' };

/**
 * The strict rungs in order, first on the block as written, then without blank lines at its edges.
 * The first rung that finds the block decides: one place is a match, several are a refusal.
 */
export function strictLadder(search: string[], replace: string[], ctx: MatchContext, from = 0): StrictOutcome {
  const tries = [{ search, replace, name: '' }];
  const trimmed = trimBlankEdges(search, replace);
  if (trimmed.search.length > 0 && trimmed.search.length < search.length) tries.push({ ...trimmed, name: 'blank-edge' });
  for (const t of tries) {
    for (const rung of STRICT_RUNGS) {
      const found = strictCandidates(t.search, rung, ctx, from);
      if (found.length > 1) {
        const strategy = t.name || found[0].strategy;
        return { kind: 'ambiguous', strategy, starts: found.map((c) => c.start), candidates: found, search: t.search, replace: t.replace };
      }
      if (found.length === 1) {
        const candidate = { ...found[0], strategy: t.name || found[0].strategy };
        return { kind: 'found', candidate, search: t.search, replace: t.replace };
      }
    }
  }
  return { kind: 'none' };
}
