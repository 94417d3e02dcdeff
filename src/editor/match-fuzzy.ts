import { TrigramWindow } from './qgram.js';
import { bagDistance, boundedDistance, similarity } from './similarity.js';

/** Fuzzy matching gives up on blocks or files beyond these sizes: the cost grows with both. */
const MAX_SEARCH_LINES = 400;
const MAX_FILE_LINES = 20_000;
/** Below this many characters a similarity ratio says nothing (one typo is already 10%). */
const MIN_CHARS = 16;
/** A line taken as a mistyped copy of the file's line must be at least this similar to it on its own. */
const MIN_LINE_SIMILARITY = 0.6;

/** A window of the file and its similarity to the block. */
export interface FuzzyScore {
  start: number;
  score: number;
}

/** The fuzzy rung's verdict: one clear place, two too close to call, or none good enough. */
export type FuzzyOutcome =
  | { kind: 'found'; start: number; score: number; dirty: Set<number> }
  | { kind: 'close'; best: FuzzyScore; second: FuzzyScore }
  | { kind: 'none'; best?: FuzzyScore };

/** Similarity of the block to the window at `start`, or -1 when it is sure to fall below `floor`. */
function windowScore(search: string[], file: string[], start: number, floor: number, shared?: { count: number; total: number }): number {
  let denom = 0;
  for (let k = 0; k < search.length; k++) denom += Math.max(search[k].length, file[start + k].length);
  if (denom === 0) return 1;
  const limit = Math.floor((1 - floor) * denom);
  if (shared && shared.count < shared.total - 3 * limit) return -1;
  let bound = 0;
  for (let k = 0; k < search.length && bound <= limit; k++) bound += bagDistance(search[k], file[start + k]);
  if (bound > limit) return -1;
  let dist = 0;
  for (let k = 0; k < search.length && dist <= limit; k++) dist += boundedDistance(search[k], file[start + k], limit - dist);
  return dist > limit ? -1 : 1 - dist / denom;
}

/** Window starts that most lines of the block agree on by exact (trimmed) equality: scored first. */
function seeds(search: string[], file: string[]): number[] {
  const where = new Map<string, number[]>();
  const wanted = new Set(search.filter((l) => l.length >= 3));
  file.forEach((l, i) => {
    if (wanted.has(l)) where.set(l, [...(where.get(l) ?? []), i]);
  });
  const votes = new Map<number, number>();
  search.forEach((l, k) => {
    for (const i of where.get(l) ?? []) if (i - k >= 0 && i - k + search.length <= file.length) votes.set(i - k, (votes.get(i - k) ?? 0) + 1);
  });
  return [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3).map(([start]) => start);
}

/**
 * The window of the file most similar to the block, line by line with indentation ignored. Taken
 * only above `threshold` and at least `margin` ahead of any other window; when another comes that
 * close the answer is 'close' (too close to call), never a guess.
 */
export function fuzzyLocate(search: string[], fileLines: string[], threshold: number, margin: number): FuzzyOutcome {
  const s = search.map((l) => l.trim());
  const f = fileLines.map((l) => l.trim());
  const chars = s.reduce((n, l) => n + l.length, 0);
  if (chars < MIN_CHARS || s.length > MAX_SEARCH_LINES || f.length > MAX_FILE_LINES) return { kind: 'none' };
  let best: FuzzyScore | undefined;
  let second: FuzzyScore | undefined;
  const consider = (start: number, score: number) => {
    if (score < 0) return;
    if (!best || score > best.score) {
      second = best;
      best = { start, score };
    } else if (!second || score > second.score) second = { start, score };
  };
  // Only windows within `margin` of the best matter, so a good seed makes the full scan cheap.
  const floor = () => Math.max(0, threshold - margin, best ? best.score - margin : 0);
  const seeded = new Set(seeds(s, f));
  for (const start of seeded) consider(start, windowScore(s, f, start, floor()));
  const grams = new TrigramWindow(s);
  for (let k = 0; k < s.length - 1 && k < f.length; k++) grams.add(f[k]);
  for (let i = 0; i + s.length <= f.length; i++) {
    grams.add(f[i + s.length - 1]);
    if (i > 0) grams.remove(f[i - 1]);
    if (!seeded.has(i)) consider(i, windowScore(s, f, i, floor(), { count: grams.shared, total: grams.total }));
  }
  return verdict(s, f, best, second, threshold, margin);
}

function verdict(s: string[], f: string[], best: FuzzyScore | undefined, second: FuzzyScore | undefined, threshold: number, margin: number): FuzzyOutcome {
  if (!best || best.score < threshold) return { kind: 'none', best };
  if (second && best.score - second.score < margin) return { kind: 'close', best, second };
  const dirty = new Set<number>();
  const solid = s.filter((l) => l !== '').length;
  for (const [k, line] of s.entries()) {
    const real = f[best.start + k];
    if (line === real) continue;
    // A blank line against code, or a line unlike its counterpart, is not a typo: the block is misaligned here.
    if (line === '' || real === '' || similarity(line, real) < MIN_LINE_SIMILARITY) return { kind: 'none', best };
    dirty.add(k);
  }
  // A typo touches a line or two; a block where most lines differ is another piece of code.
  if (solid > 1 && dirty.size * 2 > solid) return { kind: 'none', best };
  return { kind: 'found', start: best.start, score: best.score, dirty };
}
