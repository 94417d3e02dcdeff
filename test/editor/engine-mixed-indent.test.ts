import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
// The benchmark's corpus: real files of pinned npm packages, and its tab file with space-indented lines.
import { changedFiles } from '../../bench/edits/corpus.mjs';
import { indentUnit, mixedIndent } from '../../bench/edits/drift.mjs';
import { sr, text } from './helpers.js';

// The shape of sindresorhus-style declarations: tabs throughout, a union pasted in with spaces under JSDoc.
const dts = text([
  'export type Options = {',
  '\t/**',
  '\tThe format of the output.',
  '',
  "\t@default 'text'",
  '\t*/',
  '\treadonly format?:',
  "\t\t| 'text'",
  "\t\t| 'json';",
  '',
  '\t/**',
  '\tWhat the block holds.',
  '\t*/',
  '\treadonly kind?:',
  "  | 'prose'",
  "  | 'code';",
  '};',
]);

describe('a tab-indented file with space-indented lines', () => {
  it('applies a one-line SEARCH that occurs exactly once', () => {
    const r = applyAnswer(sr(["  | 'code';"], ["  | 'code'", "  | 'data';"], 'index.d.ts'), { path: 'index.d.ts', content: dts });
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'exact' });
    expect(r.after).toBe(dts.replace("  | 'code';\n", "  | 'code'\n  | 'data';\n"));
  });

  it('applies a block spanning tab and space lines, writing new lines as the model wrote them', () => {
    const r = applyAnswer(sr(['\treadonly kind?:', "  | 'prose'", "  | 'code';"], ['\treadonly kind?:', "  | 'prose'", "  | 'code'", "  | 'data';"], 'index.d.ts'), { path: 'index.d.ts', content: dts });
    expect(r.ok).toBe(true);
    expect(r.after).toBe(dts.replace("  | 'code';\n", "  | 'code'\n  | 'data';\n"));
  });

  it('still refuses the same SEARCH when it occurs twice', () => {
    const twice = `${dts}${text(['export type Other = {', '\treadonly kind?:', "  | 'prose'", "  | 'code';", '};'])}`;
    const r = applyAnswer(sr(["  | 'code';"], ["  | 'data';"], 'index.d.ts'), { path: 'index.d.ts', content: twice });
    expect(r.ok).toBe(false);
    expect(r.after).toBe(twice);
  });
});

const lines = (s: string): string[] => s.replace(/\n$/, '').split('\n');
const corpus = changedFiles().flatMap((f: { path: string; before: string; after: string }) => {
  const out = [f.before, f.after].map((content) => ({ path: f.path, lines: lines(content) }));
  const unit = indentUnit(out[0].lines);
  return [...out, ...out.map((o) => ({ path: o.path, lines: o.lines.map((l) => mixedIndent(l, unit)) }))];
});

function occurrences(hay: string[], needle: string[]): number {
  let n = 0;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((s, k) => hay[i + k] === s)) n++;
  return n;
}

describe('exact unique blocks from the bench corpus', () => {
  it('has tab files with space-indented lines among its files', () => {
    expect(corpus.some((f) => f.lines.some((l) => l.startsWith('\t')) && f.lines.some((l) => /^ {2,}\S/.test(l)))).toBe(true);
  });

  /** Any block of a corpus file that occurs exactly once, its changed lines marked after their indentation. */
  const property = (files: typeof corpus, onlyMixed: boolean) =>
    fc.property(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
      (file, at, size, edits) => {
        const { path, lines: old } = files[file];
        const start = Math.floor(at * old.length);
        const search = old.slice(start, start + size);
        fc.pre(search.some((l) => l.trim() !== '') && occurrences(old, search) === 1);
        fc.pre(!onlyMixed || search.some((l) => /^ {2,}\S/.test(l)));
        const replace = search.map((l, k) => (edits[k] && l.trim() !== '' ? l.replace(/^([ \t]*)/, '$1edited_') : l));
        fc.pre(replace.some((l, k) => l !== search[k]));
        const r = applyAnswer(sr(search, replace, path), { path, content: text(old) });
        expect(r.blocks[0]?.status).toBe('applied');
        expect(r.after).toBe(text([...old.slice(0, start), ...replace, ...old.slice(start + search.length)]));
      },
    );

  it('always applies a block that occurs exactly once, exactly', () => {
    fc.assert(property(corpus, false), { numRuns: 1000 });
  });

  it('always applies such a block when it holds space-indented lines of a tab file', () => {
    const mixed = corpus.filter((f) => f.lines.some((l) => l.startsWith('\t')) && f.lines.some((l) => /^ {2,}\S/.test(l)));
    // Only blocks holding a space-indented line: where the bug was.
    fc.assert(property(mixed, true), { numRuns: 500 });
  });
});
