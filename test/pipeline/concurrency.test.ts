import { describe, expect, it } from 'vitest';
import type { PlanStep } from '../../src/architect/types.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { resolveConcurrency, widestLayer } from '../../src/pipeline/concurrency.js';

const step = (depends_on: number[] = []): PlanStep => ({ title: 't', file: 'f', action: 'edit', instructions: 'i', depends_on });
const editor = (pool: string[] | undefined, parallelPerHost: number) => ({ pool, parallelPerHost }) as ResolvedConfig['editor'];
const all = (steps: PlanStep[]) => steps.map((_, i) => i);

describe('widestLayer', () => {
  it.each([
    ['eight independent steps', Array.from({ length: 8 }, () => step()), 8],
    ['a chain', [step(), step([0]), step([1])], 1],
    ['a fan-out after one step', [step(), step([0]), step([0]), step([0])], 3],
    ['a diamond', [step(), step([0]), step([0]), step([1, 2])], 2],
    ['no steps', [], 0],
  ])('%s', (_name, steps, width) => {
    expect(widestLayer(steps, all(steps))).toBe(width);
  });

  it('counts only the selected steps, and a step whose dependency was left out starts at once', () => {
    const steps = [step(), step([0]), step([0]), step()];
    expect(widestLayer(steps, [1, 2, 3])).toBe(3);
    expect(widestLayer(steps, [0, 3])).toBe(2);
  });
});

describe('resolveConcurrency', () => {
  const eight = Array.from({ length: 8 }, () => step());
  it.each([
    ['a number is kept as given', 3, editor(['a', 'b'], 4), eight, 3],
    ['auto: pool members x calls per host', 'auto', editor(['a', 'b'], 2), eight, 4],
    ['auto without a pool: one host', 'auto', editor(undefined, 1), eight, 1],
    ['auto with parallel hosts but no pool', 'auto', editor(undefined, 3), eight, 3],
    ['auto is capped by what the plan can run at once', 'auto', editor(['a', 'b', 'c'], 4), [step(), step([0]), step([0])], 2],
    ['auto never goes below 1', 'auto', editor(['a', 'b'], 2), [], 1],
  ] as const)('%s', (_name, wanted, role, steps, expected) => {
    expect(resolveConcurrency(wanted, role, [...steps], all([...steps]))).toBe(expected);
  });
});
