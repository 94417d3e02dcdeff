/** The smallest "nice" number (1, 2, 2.5 or 5 times a power of ten) at or above `max`; 1 for nothing to show. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= max * (1 - 1e-12)) ?? 10;
  return round(step * power);
}

/** Compact numbers for axis labels and small bar labels: 950, 1.2k, 34k, 1.5M. */
export function compactNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function trim(value: number): string {
  return String(round(Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10));
}

// Powers of ten below 1 are inexact in binary (0.1 * 3): keep 12 significant digits.
function round(value: number): number {
  return Number(value.toPrecision(12));
}
