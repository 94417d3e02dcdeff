import { boundedDistance } from './similarity.js';

/** Longest line considered when looking for the nearest lines (keeps the scan cheap). */
const MAX_LINE = 200;

/**
 * The 0-based start of the file window most like the block, for showing the model the real lines:
 * the offset most of its lines agree on, or else the place of the file line most like its longest line.
 */
export function nearestStart(search: string[], fileLines: string[]): number | undefined {
  if (fileLines.length === 0) return undefined;
  const where = new Map<string, number[]>();
  fileLines.forEach((l, i) => {
    const t = l.trim();
    if (t.length >= 3) where.set(t, [...(where.get(t) ?? []), i]);
  });
  const votes = new Map<number, number>();
  search.forEach((l, k) => {
    for (const i of where.get(l.trim()) ?? []) votes.set(i - k, (votes.get(i - k) ?? 0) + 1);
  });
  let best: number | undefined;
  for (const [start, n] of votes) if (best === undefined || n > votes.get(best)! || (n === votes.get(best)! && start < best)) best = start;
  if (best !== undefined) return Math.max(0, best);
  const k = search.reduce((m, l, i) => (l.trim().length > search[m].trim().length ? i : m), 0);
  const probe = search[k]?.trim().slice(0, MAX_LINE) ?? '';
  let bestLine = 0;
  let bestDistance = probe.length + MAX_LINE;
  fileLines.forEach((l, i) => {
    const d = boundedDistance(probe, l.trim().slice(0, MAX_LINE), bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      bestLine = i;
    }
  });
  return Math.max(0, bestLine - k);
}

/** File lines [start, start + count) with one line of context each side, numbered from 1, at most `max` lines. */
export function numberedLines(fileLines: string[], start: number, count: number, max = 16): string {
  const from = Math.max(0, start - 1);
  const to = Math.min(fileLines.length, start + Math.max(count, 1) + 1, from + max);
  const width = String(to).length;
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(`${String(i + 1).padStart(width)} |${fileLines[i] === '' ? '' : ` ${fileLines[i]}`}`);
  return out.join('\n');
}
