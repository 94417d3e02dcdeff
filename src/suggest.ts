/**
 * The candidates closest to a mistyped word, as commander suggests commands: Damerau-Levenshtein
 * distance of at most 40% of the word's length (and never more than 3), nearest first.
 */
export function suggestSimilar(word: string, candidates: readonly string[]): string[] {
  const typed = word.toLowerCase();
  const scored = [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase()) }))
    .filter(({ candidate, distance }) => distance <= Math.min(3, Math.max(1, Math.floor(candidate.length * 0.4))) || (typed.length >= 2 && candidate.startsWith(typed)));
  const best = Math.min(...scored.map((s) => s.distance));
  return scored.filter((s) => s.distance === best).map((s) => s.candidate);
}

/** "Did you mean plan?" / "Did you mean plan or apply?", or '' when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[], show: (name: string) => string = (name) => name): string {
  const similar = suggestSimilar(word, candidates);
  return similar.length === 0 ? '' : `Did you mean ${similar.map(show).join(' or ')}?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
