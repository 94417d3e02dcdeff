/**
 * The p-th percentile (0 < p <= 100) by the nearest-rank method: the smallest value with at least p% of
 * the values at or below it, so it is always one of the measured values. Null for no values.
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  // Rounded first so float error (0.95 * 20 = 19.000000000000004) cannot push the rank one too far.
  const rank = Math.ceil(Math.round((p / 100) * sorted.length * 1e9) / 1e9);
  return sorted[Math.max(rank, 1) - 1];
}
