import type { PlanStep } from '../architect/types.js';
import type { ResolvedConfig } from '../config/types.js';

/** `--concurrency`: a number of editor calls at once, or `auto` to size it from the editor pool. */
export type Concurrency = number | 'auto';

/**
 * Resolves `auto`: every pool member (one host when there is no pool) serving `parallelPerHost` calls,
 * but no more than the plan can use, which is the most selected steps that can run side by side.
 */
export function resolveConcurrency(wanted: Concurrency, editor: ResolvedConfig['editor'], steps: PlanStep[], selected: number[]): number {
  if (wanted !== 'auto') return wanted;
  const capacity = (editor.pool?.length ?? 1) * editor.parallelPerHost;
  return Math.max(1, Math.min(capacity, widestLayer(steps, selected)));
}

/**
 * The most selected steps at one depth of the dependency graph (depth: the longest chain of selected
 * dependencies before a step). Steps at one depth never depend on each other, so that many can run at once.
 */
export function widestLayer(steps: PlanStep[], selected: number[]): number {
  const chosen = new Set(selected);
  const depth = new Map<number, number>();
  const depthOf = (index: number): number => {
    const known = depth.get(index);
    if (known !== undefined) return known;
    depth.set(index, 0);
    const deps = (steps[index]?.depends_on ?? []).filter((d) => chosen.has(d) && d < index);
    const value = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depthOf));
    depth.set(index, value);
    return value;
  };
  const counts = new Map<number, number>();
  for (const index of chosen) {
    const d = depthOf(index);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}
