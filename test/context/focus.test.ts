import { describe, expect, it } from 'vitest';
import { isTestPath, taskFocus, viewBudget } from '../../src/context/focus.js';
import { graphRank } from '../../src/context/graph-rank.js';

const files = [
  { path: 'src/users/profile.ts', defines: ['loadUserProfile', 'Profile'], references: [] },
  { path: 'src/users/page.tsx', defines: ['ProfilePage'], references: ['loadUserProfile'] },
  { path: 'src/admin/audit.ts', defines: ['auditUser'], references: ['loadUserProfile', 'Profile'] },
  { path: 'test/users/profile.test.ts', defines: [], references: ['loadUserProfile'] },
  { path: 'src/billing/invoice.ts', defines: ['total'], references: ['Profile'] },
];

describe('taskFocus', () => {
  it('finds the files defining the symbols a task names and every file using them, tests last', () => {
    const focus = taskFocus('rename loadUserProfile to fetchUserProfile everywhere', files, []);
    expect([...focus.symbols]).toEqual(['loadUserProfile']);
    expect(focus.targets).toEqual(['src/users/profile.ts']);
    expect(focus.users).toEqual(['src/users/page.tsx', 'src/admin/audit.ts', 'test/users/profile.test.ts']);
    expect(focus.uses.get('src/admin/audit.ts')).toEqual(['loadUserProfile']);
  });

  it('puts named and mentioned files first, and takes plain short words for words, not symbols', () => {
    const focus = taskFocus('fix the total in src/billing/invoice.ts', files, ['src/admin/audit.ts']);
    expect(focus.targets).toEqual(['src/admin/audit.ts', 'src/billing/invoice.ts']);
    expect(focus.symbols.size).toBe(0);
    expect(focus.users).toEqual([]);
  });
});

describe('isTestPath', () => {
  it.each([
    ['test/a.ts', true],
    ['src/__tests__/a.ts', true],
    ['src/a.test.ts', true],
    ['pkg/a_test.go', true],
    ['tests/test_a.py', true],
    ['src/testing.ts', false],
    ['src/contest/a.ts', false],
  ])('%s', (path, expected) => expect(isTestPath(path)).toBe(expected));
});

describe('viewBudget', () => {
  it.each([
    ['rename getUser to fetchUser everywhere', 0, 24_000, 1_800],
    ['rename getUser to fetchUser everywhere', 2, 24_000, 4_800],
    ['x'.repeat(400), 0, 24_000, 1_800 + 16 * 60],
    ['x'.repeat(4_000), 0, 24_000, 1_800 + 16 * 960],
    ['x'.repeat(4_000), 0, 8_000, 8_000],
    ['rename getUser', 0, 1_000, 1_000],
  ])('%#: %i named, ceiling %i', (task, named, ceiling, expected) => expect(viewBudget(task, named, ceiling)).toBe(expected));
});

describe('graphRank', () => {
  it('ranks what the personalised files depend on above what nothing points to', () => {
    const rank = graphRank(files, [0, 0, 1, 0, 0], new Set());
    // audit.ts uses profile.ts; invoice.ts is reached by nothing from audit.ts.
    expect(rank[0]).toBeGreaterThan(rank[4]);
    expect(rank[2]).toBeGreaterThan(rank[1]);
  });

  it('weights uses of the task symbols up', () => {
    const graph = [
      { defines: ['a'], references: ['shared', 'loadUserProfile'] },
      { defines: ['loadUserProfile'], references: [] },
      { defines: ['shared'], references: [] },
    ];
    const rank = graphRank(graph, [1, 0, 0], new Set(['loadUserProfile']));
    expect(rank[1]).toBeGreaterThan(rank[2] * 5);
  });
});

describe('plain words as symbols', () => {
  it('takes a plain word for a symbol only when few files define it', () => {
    const many = Array.from({ length: 3 }, (_, i) => ({ path: `src/s${i}.go`, defines: ['session'], references: [] }));
    expect(taskFocus('add a retry limit to the session cache', many, []).symbols.size).toBe(0);
    expect([...taskFocus('add a retry limit to the session cache', many.slice(0, 2), []).symbols]).toEqual(['session']);
  });
});
