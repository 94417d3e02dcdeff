import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

const VOCAB = ['foo();', 'bar(x);', 'if (ready) {', '}', 'return total;', 'let z = 1;', 'const w = compute(a, b);', '// note', 'items.push(next);', ''];
const NEW = ['added();', 'const q = 2;', 'log(total);', 'throw new Error("no");'];

const line = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...VOCAB)).map(([depth, code]) => (code ? '  '.repeat(depth) + code : ''));
const fileLines = fc.array(line, { minLength: 1, maxLength: 30 });

/** A file, a range of it to replace, and the new lines (never blank at the edges: see absorbLostBlanks). */
const edit = fileLines.chain((lines) =>
  fc.record({
    lines: fc.constant(lines),
    start: fc.integer({ min: 0, max: lines.length - 1 }),
    size: fc.integer({ min: 1, max: 5 }),
    replace: fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...NEW)).map(([d, c]) => '  '.repeat(d) + c), { maxLength: 4 }),
  }),
);

function occurrences(lines: string[], search: string[]): number {
  let n = 0;
  for (let i = 0; i + search.length <= lines.length; i++) if (search.every((s, k) => lines[i + k] === s)) n++;
  return n;
}

function scenario(e: { lines: string[]; start: number; size: number; replace: string[] }) {
  const end = Math.min(e.lines.length, e.start + e.size);
  const search = e.lines.slice(e.start, end);
  const expectedLines = [...e.lines.slice(0, e.start), ...e.replace, ...e.lines.slice(end)];
  return { search, expected: text(expectedLines), expectedLines, before: text(e.lines) };
}

const path = 'src/p.ts';

describe('engine properties', () => {
  it('applies exactly the intended change or nothing, and always applies old text found exactly once', () => {
    fc.assert(
      fc.property(edit, fc.constantFrom('search-replace', 'udiff', 'whole'), fc.nat(99), (e, format, at) => {
        const { search, expected, expectedLines, before } = scenario(e);
        const answer =
          format === 'search-replace'
            ? sr(search, e.replace, path)
            : format === 'udiff'
              ? ['```diff', `--- a/${path}`, `+++ b/${path}`, `@@ -${at},1 +${at},1 @@`, ...search.map((l) => `-${l}`), ...e.replace.map((l) => `+${l}`), '```'].join('\n')
              : ['```ts', ...expectedLines, '```'].join('\n');
        const r = applyAnswer(answer, { path, content: before });
        expect(r.path).toBe(path);
        expect([expected, before]).toContain(r.after);
        // An empty whole file is refused on purpose (a model that sends nothing did not mean "delete everything").
        const wholeKept = format === 'whole' && expectedLines.some((l) => l.trim() !== '');
        if (wholeKept || (format !== 'whole' && occurrences(e.lines, search) === 1 && search.some((l) => l.trim() !== ''))) expect(r.after).toBe(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('under drift (trailing spaces, CRLF, indentation shift, tabs, a typo) applies the intended change or nothing', () => {
    const drift = fc.constantFrom('trailing', 'crlf', 'shift', 'tabs', 'typo');
    fc.assert(
      fc.property(edit, drift, fc.nat(), (e, kind, seed) => {
        // A file with no indented line cannot tell tabs from spaces.
        fc.pre(kind !== 'tabs' || e.lines.some((l) => l.startsWith(' ')));
        const { search, expected, expectedLines, before } = scenario(e);
        // Blank old text has no indentation to shift or convert.
        fc.pre(!['shift', 'tabs'].includes(kind) || search.some((l) => l.trim() !== ''));
        let content = before;
        let want = expected;
        let s = search;
        let r = e.replace;
        if (kind === 'trailing') s = s.map((l, i) => (i % 2 === 0 ? `${l}  ` : l));
        if (kind === 'crlf') {
          content = before.replace(/\n/g, '\r\n');
          want = expected.replace(/\n/g, '\r\n');
        }
        if (kind === 'shift') {
          // Deeper than any line of the file, so the shifted text cannot match elsewhere exactly.
          s = s.map((l) => (l ? `          ${l}` : l));
          r = r.map((l) => `          ${l}`);
        }
        if (kind === 'tabs') {
          const toTabs = (t: string) => t.replace(/^((?: {2})+)/, (m) => '\t'.repeat(m.length / 2));
          content = text(e.lines.map(toTabs));
          want = text(expectedLines.map(toTabs));
          s = s.map((l) => l.replace(/^((?: {2})+)/, (m) => '    '.repeat(m.length / 2)));
          r = r.map((l) => l.replace(/^((?: {2})+)/, (m) => '    '.repeat(m.length / 2)));
        }
        if (kind === 'typo') {
          const k = seed % s.length;
          if (s[k].trim() !== '') {
            // The model mistypes a line it keeps: the file's real line must survive.
            const typo = s[k].replace(/;|\{|\}|\/\//, (m) => `Q${m}`);
            s = s.map((l, i) => (i === k ? typo : l));
            r = [...s.slice(0, k + 1).map((l, i) => (i === k ? typo : l)), ...r];
            want = text([...e.lines.slice(0, e.start), ...search.slice(0, k + 1), ...e.replace, ...e.lines.slice(e.start + search.length)]);
          }
        }
        const out = applyAnswer(sr(s, r, path), { path, content });
        expect(out.path).toBe(path);
        expect([want, content]).toContain(out.after);
        if (kind === 'trailing' || kind === 'crlf') {
          if (occurrences(e.lines, search) === 1 && search.some((l) => l.trim() !== '')) expect(out.after).toBe(want);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, never returns another path, and leaves a file alone for blocks naming other files', () => {
    const answer = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.array(fc.constantFrom(...VOCAB, '<<<<<<< SEARCH', '=======', '>>>>>>> REPLACE', '```', '@@ -1 +1 @@', '-foo();', '+bar(x);', '--- a/x', '+++ b/x', '...', '<think>', '</think>'), { maxLength: 30 }).map((l) => l.join('\n')),
      edit.map((e) => sr(scenario(e).search, e.replace, 'src/other.ts')),
    );
    fc.assert(
      fc.property(answer, fileLines, fc.boolean(), (a, lines, exists) => {
        const before = exists ? text(lines) : null;
        const r = applyAnswer(a, { path, content: before });
        expect(r.path).toBe(path);
        expect(r.blocks.every((b) => b.file === path || b.status === 'refused')).toBe(true);
        if (a.includes('src/other.ts')) expect(r.after).toBe(before);
        expect(r.ok).toBe(r.changed && r.blocks.every((b) => b.status === 'applied' || b.status === 'unchanged'));
      }),
      { numRuns: 400 },
    );
  });
});
