import { describe, expect, it } from 'vitest';
import { treeNote } from '../../src/commands/tree-note.js';

describe('treeNote', () => {
  it('says what would stop a plan, what never does, and when the tree is clean', () => {
    expect(treeNote({ tracked: [], untracked: [] }, false)).toBe('Working tree clean.');
    expect(treeNote({ tracked: ['src/a.ts'], untracked: ['notes.txt'] }, false)).toBe(
      'Uncommitted changes in src/a.ts: a plan that edits one of them stops before any step; commit or stash them first (or restart with --allow-dirty).\n' +
        '1 untracked file (notes.txt): never blocking, never committed.',
    );
    expect(treeNote({ tracked: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], untracked: [] }, true)).toBe(
      'Uncommitted changes in a, b, c, d, e, and 2 more: --allow-dirty is on, so a step on one of them fails and your changes stay as they are.',
    );
    expect(treeNote({ tracked: [], untracked: ['x', 'y'] }, false)).toBe('2 untracked files (x, y): never blocking, never committed.');
  });
});
