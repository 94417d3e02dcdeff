import { columns } from './indent.js';

/** An indentation as whole levels (in columns) and the alignment spaces after them (a JSDoc ` * `). */
export interface Depth {
  level: number;
  align: number;
}

/** Tabs are levels and the spaces after the last one alignment; spaces split on a grid of `unit` from `origin`. */
export function depthOf(indent: string, unit: number, origin = 0): Depth {
  const lastTab = indent.lastIndexOf('\t');
  if (lastTab >= 0) return { level: columns(indent.slice(0, lastTab + 1)), align: indent.length - lastTab - 1 };
  const align = (((indent.length - origin) % unit) + unit) % unit;
  return { level: indent.length - align, align };
}

/** A (model, file) pair of depths in columns. */
export type Point = readonly [number, number];

/** A shift and scale; `seen` when the lines showed the scale rather than it being assumed. */
export interface Fit {
  alpha: number;
  beta: number;
  seen: boolean;
}

/**
 * The one shift and scale through the points, or null when they disagree. Two different model
 * depths fix it; one depth seen keeps the model's unit unless it was written with the other character.
 * Units are columns per level: the file's, and the model's as its own lines suggest.
 */
export function fit(points: Point[], stylesDiffer: boolean, units: { model: number; file: number }): Fit | null {
  const first = points[0];
  const other = points.find(([m]) => first && m !== first[0]);
  let alpha = stylesDiffer ? units.file / units.model : 1;
  let beta = 0;
  let seen = true;
  if (first && other) {
    alpha = (other[1] - first[1]) / (other[0] - first[0]);
    beta = first[1] - alpha * first[0];
  } else if (first && stylesDiffer && first[0] > 0 && first[1] > 0) {
    // One level seen, written with the other character: the model kept the level and changed the unit,
    // provided that level is a whole number of the model's units (three spaces are no tab).
    if (first[0] % units.model !== 0) return null;
    alpha = first[1] / first[0];
  } else {
    seen = false;
    if (first) beta = first[1] - alpha * first[0];
  }
  if (!(alpha > 0.2 && alpha < 5)) return null;
  if (points.some(([m, f]) => Math.abs(alpha * m + beta - f) > 1e-9)) return null;
  return { alpha, beta, seen };
}
