import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

// Code lines and JSDoc lines: a JSDoc continuation sits one space past its level.
const CODE = ['foo();', 'bar(x);', 'if (ready) {', '}', 'return total;', '/**', ' * Make it so.', ' * @returns {A}', ' */', ''];
const NEW = ['added();', ' * @param {string} a', 'wrap(', 'a: string,', '): string;'];

type Line = readonly [number, string];
const line = (codes: string[]) => fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(...codes));
const spaces = ([d, c]: Line) => (c ? '  '.repeat(d) + c : '');
const tabs = ([d, c]: Line) => (c ? '\t'.repeat(d) + c : '');

// Every file opens with a few levels, so its 2-space unit is beyond doubt.
const HEAD: Line[] = [[0, 'class A {'], [1, 'run() {'], [2, 'go();'], [1, '}']];

const edit = fc.array(line(CODE), { minLength: 1, maxLength: 25 }).chain((body) =>
  fc.record({
    lines: fc.constant([...HEAD, ...body]),
    start: fc.integer({ min: HEAD.length, max: HEAD.length + body.length - 1 }),
    size: fc.integer({ min: 1, max: 6 }),
    // Never blank: a blank new line at an edge next to a blank file line is read as one the model left out (absorbLostBlanks).
    replace: fc.array(line([...CODE.filter((c) => c !== ''), ...NEW]), { maxLength: 5 }),
  }),
);

function count(lines: string[], search: string[], key: (l: string) => string): number {
  let n = 0;
  for (let i = 0; i + search.length <= lines.length; i++) if (search.every((s, k) => key(lines[i + k]) === key(s))) n++;
  return n;
}

describe('engine properties under tabs for spaces with JSDoc lines', () => {
  // With one level in sight, 4 spaces for a tab file may be one level or two: only a second level tells.
  it('applies the intended change or nothing, in either direction, once the block shows two levels', () => {
    let applied = 0;
    fc.assert(
      fc.property(edit, fc.boolean(), (e, toTabs) => {
        const end = Math.min(e.lines.length, e.start + e.size);
        const search = e.lines.slice(e.start, end);
        fc.pre(new Set(search.filter(([, c]) => c && !c.startsWith(' ')).map(([d]) => d)).size >= 2);
        const expected = [...e.lines.slice(0, e.start), ...e.replace, ...e.lines.slice(end)];
        const [fileStyle, modelStyle] = toTabs ? [spaces, tabs] : [tabs, spaces];
        const before = text(e.lines.map(fileStyle));
        const want = text(expected.map(fileStyle));
        const r = applyAnswer(sr(search.map(modelStyle), e.replace.map(modelStyle), 'a.ts'), { path: 'a.ts', content: before });
        expect([want, before]).toContain(r.after);
        if (r.after !== before) applied++;
        // Old text found once even ignoring indentation: no excuse to refuse.
        const trimmed = (l: string) => l.trim();
        if (count(e.lines.map(fileStyle), search.map(fileStyle), trimmed) === 1 && r.blocks[0].status !== 'unchanged') expect(r.after).toBe(want);
      }),
      { numRuns: 500 },
    );
    expect(applied).toBeGreaterThan(100);
  });
});
