import { describe, expect, it } from 'vitest';
import { planRepoView, renderRepoView, viewLines, VIEW_OUTLINE_LINES } from '../../src/context/repo-view.js';

const viewFile = (path: string, outlineTokens = 0, pathTokens = 5) => ({ path, pathTokens, outlineTokens });

describe('planRepoView', () => {
  it('outlines everything when everything fits', () => {
    const plan = planRepoView([viewFile('a.ts', 10), viewFile('b.ts', 10)], 30);
    expect(plan).toEqual({ outlined: ['a.ts', 'b.ts'], listed: [], omitted: [], tokens: 30, budget: 30 });
  });

  it('outlines in rank order up to 70% of the budget, lists paths with the rest, and counts what is left out', () => {
    const ranked = [viewFile('a.ts', 300), viewFile('b.ts', 600), viewFile('c.ts', 100), ...Array.from({ length: 200 }, (_, i) => viewFile(`lib/x${i}.ts`, 50))];
    const plan = planRepoView(ranked, 1000);
    // The summary keeps 200 (a fifth); 70% of the 800 left is 560: a (305) and c (105) fit, b (605) does not,
    // then two 55-token files still do. 1000 - 200 - 520 leaves room for 56 paths of 5 tokens, b's first.
    expect(plan.outlined).toEqual(['a.ts', 'c.ts', 'lib/x0.ts', 'lib/x1.ts']);
    expect(plan.listed).toHaveLength(56);
    expect(plan.listed.slice(0, 2)).toEqual(['b.ts', 'lib/x2.ts']);
    expect(plan.omitted).toHaveLength(203 - 4 - 56);
    expect(plan.tokens).toBe(520 + 280 + 200);
    expect(plan.tokens).toBeLessThanOrEqual(1000);
  });
});

describe('renderRepoView', () => {
  it('renders outlines, then sorted paths, then folder counts', () => {
    const view = renderRepoView({ outlined: ['src/b.ts', 'src/a.ts'], listed: ['z.md', 'lib/y.ts'], omitted: ['lib/deep/x1.ts', 'lib/deep/x2.ts', 'top.txt'], tokens: 99, budget: 1000 }, (path) =>
      path === 'src/b.ts' ? ['export function b()', '  inner()'] : [],
    );
    expect(view.text).toBe(
      [
        'src/b.ts',
        '  export function b()',
        '    inner()',
        'src/a.ts',
        '',
        'Other files (paths only):',
        'lib/y.ts',
        'z.md',
        '',
        'Not listed, to keep within the context budget (3 files):',
        'lib/deep/ (2 files)',
        './ (1 file)',
      ].join('\n'),
    );
    expect(view.outlined).toEqual([
      { path: 'src/b.ts', text: 'src/b.ts\n  export function b()\n    inner()' },
      { path: 'src/a.ts', text: 'src/a.ts' },
    ]);
    expect([view.listed, view.omitted, view.tokens]).toEqual([2, 3, 99]);
  });

  it('shows at most VIEW_OUTLINE_LINES lines of an outline and says how many more there are', () => {
    const lines = Array.from({ length: VIEW_OUTLINE_LINES + 5 }, (_, i) => `f${i}()`);
    expect(viewLines(lines)).toHaveLength(VIEW_OUTLINE_LINES + 1);
    expect(viewLines(lines).at(-1)).toBe('… 5 more');
  });
});
