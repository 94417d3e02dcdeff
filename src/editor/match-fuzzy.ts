import { boundedDistance, similarity } from './similarity.js';

/** Fuzzy matching gives up on blocks or files beyond these sizes: the cost grows with both. */
const MAX_SEARCH_LINES = 400;
const MAX_FILE_LINES = 20_000;
/** Below this many characters a similarity ratio says nothing (one typo is already 10%). */
const MIN_CHARS = 16;
/** A line taken as a mistyped copy of the file's line must be at least this similar to it on its own. */
const MIN_LINE_SIMILARITY = 0.6;

export interface FuzzyScore {
  start: number;
  score: number;
}

export type FuzzyOutcome =
  | { kind: 'found'; start: number; score: number; dirty: Set<number> }
  | { kind: 'close'; best: FuzzyScore; second: FuzzyScore }
  | { kind: 'none'; best?: FuzzyScore };

/** Similarity of the block to the window at `start`, or -1 when it is sure to fall below `floor`. */
export function windowScore(search: string[], file: string[], start: number, floor: number): number {
  let denom = 0;
  for (let k = 0; k < search.length; k++) denom += Math.max(search[k].length, file[start + k].length);
  if (denom === 0) return 1;
  const limit = Math.floor((1 - floor) * denom);
  let dist = 0;
  for (let k = 0; k < search.length && dist <= limit; k++) dist += boundedDistance(search[k], file[start + k], limit - dist);
  return dist > limit ? -1 : 1 - dist / denom;
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
  const floor = Math.max(0, threshold - margin);
  let best: FuzzyScore | undefined;
  let second: FuzzyScore | undefined;
  for (let i = 0; i + s.length <= f.length; i++) {
    const score = windowScore(s, f, i, floor);
    if (score < 0) continue;
    if (!best || score > best.score) {
      second = best;
      best = { start: i, score };
    } else if (!second || score > second.score) second = { start: i, score };
  }
  if (!best || best.score < threshold) return { kind: 'none', best };
  if (second && best.score - second.score < margin) return { kind: 'close', best, second };
  const dirty = new Set<number>();
  for (const [k, line] of s.entries()) {
    const real = f[best.start + k];
    if (line === real) continue;
    // A blank line against code, or a line unlike its counterpart, is not a typo: the block is misaligned here.
    if (line === '' || real === '' || similarity(line, real) < MIN_LINE_SIMILARITY) return { kind: 'none', best };
    dirty.add(k);
  }
  return { kind: 'found', start: best.start, score: best.score, dirty };
}
