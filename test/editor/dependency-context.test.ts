import { describe, expect, it } from 'vitest';
import { changedSignatures, renderDependencies, type DependencyChange } from '../../src/editor/dependency-context.js';
import { shrinkProblem } from '../../src/editor/shrink.js';

const after = 'export const lowest = 0;\n\nexport function clamp(x: number, lo: number, hi: number): number {\n  return Math.min(hi, Math.max(lo, x));\n}\n';
const diff = 'diff --git a/src/clamp.ts b/src/clamp.ts\n--- a/src/clamp.ts\n+++ b/src/clamp.ts\n@@ -1 +1,5 @@\n export const lowest = 0;\n+\n+export function clamp(x: number, lo: number, hi: number): number {\n+  return Math.min(hi, Math.max(lo, x));\n+}\n';
const change: DependencyChange = { stepNumber: 1, title: 'Add clamp', file: 'src/clamp.ts', diff, after };

describe('dependency context', () => {
  it('shows a short diff from its first hunk, labelled as context already applied', () => {
    expect(renderDependencies([change], 'full')).toBe(
      'Context, already applied: the steps this step depends on changed src/clamp.ts as below. Do not edit those files or repeat these changes; only use what they added (names, signatures, exports).\n\n' +
        'Step 1: Add clamp (src/clamp.ts), its diff:\n```diff\n@@ -1 +1,5 @@\n export const lowest = 0;\n+\n+export function clamp(x: number, lo: number, hi: number): number {\n+  return Math.min(hi, Math.max(lo, x));\n+}\n```',
    );
  });

  it('shows only the added or changed signatures of a long diff, or when brief', () => {
    const body = Array.from({ length: 100 }, (_, i) => `+  const pad${i} = ${i};`).join('\n');
    const long = { ...change, diff: `${diff}${body}\n` };
    const expected = 'Step 1: Add clamp (src/clamp.ts), the declarations it added or changed in src/clamp.ts:\n```\nexport function clamp(x: number, lo: number, hi: number): number\n```';
    expect(renderDependencies([long], 'full')).toContain(expected);
    expect(renderDependencies([change], 'brief')).toContain(expected);
    expect(changedSignatures(change)).toEqual(['export function clamp(x: number, lo: number, hi: number): number']);
  });

  it('tells the editor a change to its own file is already in the content, and not to edit only the others', () => {
    const other = { ...change, stepNumber: 2, title: 'Add helper', file: 'src/helper.ts' };
    expect(renderDependencies([change, other], 'full', 'src/clamp.ts').split('\n')[0]).toBe(
      'Context, already applied: the steps this step depends on changed src/clamp.ts, src/helper.ts as below. The changes to src/clamp.ts are already in its content shown further down. Do not edit src/helper.ts or repeat these changes; only use what they added (names, signatures, exports).',
    );
    expect(renderDependencies([change], 'full', 'src/clamp.ts').split('\n')[0]).toBe(
      'Context, already applied: the steps this step depends on changed src/clamp.ts as below. The changes to src/clamp.ts are already in its content shown further down. Do not repeat these changes; only use what they added (names, signatures, exports).',
    );
  });

  it('says a dependency deleted its file, and shows nothing at detail none or without dependencies', () => {
    expect(renderDependencies([{ ...change, after: null }], 'full')).toContain('Step 1: Add clamp (src/clamp.ts) deleted src/clamp.ts.');
    expect(renderDependencies([change], 'none')).toBe('');
    expect(renderDependencies([], 'full')).toBe('');
  });
});

describe('shrinkage of a whole-file answer', () => {
  const before = Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join('');
  it('refuses a file that lost more than half its lines unless the step asks for deleting', () => {
    expect(shrinkProblem(before, 'line 0\nline 1\nline 2\nline 3\n', 'Rename the lines.')?.reason).toBe('the whole-file answer drops 6 of 10 lines, which the step does not ask for');
    expect(shrinkProblem(before, 'line 0\nline 1\nline 2\nline 3\n', 'Remove the unused lines.')).toBeUndefined();
    expect(shrinkProblem(before, 'line 0\nline 1\nline 2\nline 3\nline 4\n', 'Rename the lines.')).toBeUndefined();
  });
});
