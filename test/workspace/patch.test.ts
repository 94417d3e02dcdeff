import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePatch } from '../../src/workspace/patch.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture;
beforeAll(async () => {
  repo = await gitFixture({ 'README.md': 'fixture\n' });
});
afterAll(() => repo.cleanup());

/** Writes `before` (or nothing), applies makePatch's output with plain `git apply`, and returns the file afterwards (null: gone). */
async function roundTrip(path: string, before: string | null, after: string | null): Promise<string | null> {
  const full = join(repo.root, path);
  await rm(full, { force: true });
  if (before !== null) {
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, before);
  }
  const patchFile = join(repo.root, '..', `${repo.root.split('/').pop()}.diff`);
  await writeFile(patchFile, makePatch(path, before, after));
  try {
    await repo.git('apply', '--check', patchFile);
    await repo.git('apply', patchFile);
  } finally {
    await rm(patchFile, { force: true });
  }
  return readFile(full, 'utf8').catch(() => null);
}

describe('makePatch', () => {
  it('writes the git header and hunks for an edit', () => {
    expect(makePatch('src/a.ts', 'one\ntwo\nthree\n', 'one\n2\nthree\n')).toBe(
      ['diff --git a/src/a.ts b/src/a.ts', '--- a/src/a.ts', '+++ b/src/a.ts', '@@ -1,3 +1,3 @@', ' one', '-two', '+2', ' three', ''].join('\n'),
    );
  });

  it('marks a created file', () => {
    expect(makePatch('n.txt', null, 'x\n')).toBe(
      ['diff --git a/n.txt b/n.txt', 'new file mode 100644', '--- /dev/null', '+++ b/n.txt', '@@ -0,0 +1 @@', '+x', ''].join('\n'),
    );
  });

  it('marks a deleted file', () => {
    expect(makePatch('d.txt', 'x\ny\n', null)).toBe(
      ['diff --git a/d.txt b/d.txt', 'deleted file mode 100644', '--- a/d.txt', '+++ /dev/null', '@@ -1,2 +0,0 @@', '-x', '-y', ''].join('\n'),
    );
  });

  it('returns an empty string when nothing changes', () => {
    expect(makePatch('a', 'same\n', 'same\n')).toBe('');
  });

  it('refuses to diff nothing against nothing', () => {
    expect(() => makePatch('a', null, null)).toThrow('neither a before nor an after content');
  });

  it.each([
    ['an LF edit', 'a.txt', 'one\ntwo\nthree\n', 'one\nTWO\nthree\nfour\n'],
    ['a CRLF edit', 'crlf.txt', 'one\r\ntwo\r\nthree\r\n', 'one\r\nTWO\r\nthree\r\n'],
    ['mixed line endings', 'mixed.txt', 'a\r\nb\nc\r\n', 'a\r\nB\nc\r\n'],
    ['no final newline, kept', 'nonl.txt', 'a\nb', 'a\nc'],
    ['no final newline, added', 'addnl.txt', 'a\nb', 'a\nb\n'],
    ['final newline, removed', 'rmnl.txt', 'a\nb\n', 'a\nb'],
    ['a CRLF file without a final newline', 'crlf-nonl.txt', 'a\r\nb', 'a\r\nb\r\nc'],
    ['a BOM kept', 'bom.txt', '\ufeffone\ntwo\n', '\ufeffone\n2\n'],
    ['a BOM removed', 'bom2.txt', '\ufeffone\n', 'one\n'],
    ['a create', 'new/dir/file.ts', null, 'export const x = 1;\n'],
    ['a create without a final newline', 'new2.ts', null, 'x'],
    ['an empty file created', 'empty.txt', null, ''],
    ['a delete', 'gone.txt', 'bye\n', null],
    ['a delete of a file without a final newline', 'gone2.txt', 'bye', null],
    ['a file emptied', 'emptied.txt', 'x\ny\n', ''],
    ['an empty file deleted', 'e.txt', '', null],
    ['a path with spaces', 'dir with space/f i.txt', 'a\n', 'b\n'],
    ['a non-ASCII path', 'données/ünï.txt', 'a\n', 'b\n'],
    ['a path with a quote and a tab', 'we"ird\tname.txt', 'a\n', 'b\n'],
    ['a created non-ASCII path', 'naïve.txt', null, 'a\n'],
    ['an edit far into a long file', 'long.txt', lines(200), lines(200).replace('line 150\n', 'changed\n')],
  ])('round-trips %s through git apply', async (_name, path, before, after) => {
    expect(await roundTrip(path, before, after)).toBe(after);
  });

  it('round-trips random edits through git apply', async () => {
    const line = fc.constantFrom('a', 'b', 'c', '', '  x', 'd\r');
    const text = fc.tuple(fc.array(line, { maxLength: 12 }), fc.boolean()).map(([ls, finalNewline]) => ls.join('\n') + (finalNewline && ls.length > 0 ? '\n' : ''));
    await fc.assert(
      fc.asyncProperty(text, text, async (before, after) => {
        fc.pre(before !== after);
        expect(await roundTrip('random.txt', before, after)).toBe(after);
      }),
      { numRuns: 25 },
    );
  });
});

function lines(count: number): string {
  return Array.from({ length: count }, (_, i) => `line ${i + 1}\n`).join('');
}
