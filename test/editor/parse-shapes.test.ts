import { describe, expect, it } from 'vitest';
import { applyAnswer, applyAnswerToFiles } from '../../src/editor/engine.js';
import { EditFormatError } from '../../src/editor/errors.js';
import { parseBlocks } from '../../src/editor/parse.js';
import { sr, text } from './helpers.js';

const makefile = text(['build:', '\ttsc -p .', '']);
const block = sr(['\ttsc -p .'], ['\ttsc -p tsconfig.json']);
const after = text(['build:', '\ttsc -p tsconfig.json', '']);

describe('a bare file name before a block', () => {
  it('names the file when the repository has a file of that name', () => {
    const files: Record<string, string> = { Makefile: makefile };
    const results = applyAnswerToFiles(`Makefile\n${block}`, (p) => files[p] ?? null);
    expect(results.map((r) => [r.path, r.ok, r.after])).toEqual([['Makefile', true, after]]);
  });

  it('names the step\'s own file, and refuses a block named for another existing file', () => {
    expect(applyAnswer(`Makefile\n${block}`, { path: 'Makefile', content: makefile }).after).toBe(after);
    const other = applyAnswer(`LICENSE\n${block}`, { path: 'Makefile', content: makefile }, { isFileName: (n) => n === 'LICENSE' });
    expect(other.ok).toBe(false);
    expect(other.blocks[0]).toMatchObject({ status: 'refused', file: 'LICENSE' });
  });

  it('stays refused when no file has that name', () => {
    const read = (p: string) => (p === 'Makefile' ? makefile : null);
    expect(() => applyAnswerToFiles(`Dockerfile\n${block}`, read)).toThrow(EditFormatError);
    expect(() => applyAnswerToFiles(`Here\n${block}`, read)).toThrow(/block 1 names no file/);
  });
});

describe('the name in a fence of its own', () => {
  it('reads the name held alone in the fence before the block\'s fence', () => {
    const answer = ['```', 'foo.txt', '```', '', '```', '<<<<<<< SEARCH', 'a', '=======', 'b', '>>>>>>> REPLACE', '```'].join('\n');
    expect(parseBlocks(answer)[0]).toMatchObject({ kind: 'search-replace', path: 'foo.txt' });
  });

  it('reads it for a whole file in the second fence, which is then the only file', () => {
    const answer = ['```', 'Makefile', '```', '```make', 'all:', '\techo hi', '```'].join('\n');
    const blocks = parseBlocks(answer, (n) => n === 'Makefile');
    expect(blocks).toEqual([{ kind: 'whole', path: 'Makefile', content: 'all:\n\techo hi\n', line: 4, lang: 'make' }]);
  });

  it('takes no name from a fence that holds more than one line', () => {
    const answer = ['```', 'npm install', 'foo.txt', '```', '```', '<<<<<<< SEARCH', 'a', '=======', 'b', '>>>>>>> REPLACE', '```'].join('\n');
    expect(parseBlocks(answer)[0].path).toBeUndefined();
  });
});

describe("aider's <source> fence", () => {
  it('reads the path before <source>python and the block inside it', () => {
    const answer = ['hello.py', '<source>python', '<<<<<<< SEARCH', 'print(1)', '=======', 'print(2)', '>>>>>>> REPLACE', '</source>'].join('\n');
    expect(parseBlocks(answer)).toEqual([{ kind: 'search-replace', path: 'hello.py', search: 'print(1)\n', replace: 'print(2)\n', line: 3 }]);
  });

  it('reads a whole file in <source> … </source>', () => {
    const answer = ['hello.py', '<source>python', 'print(2)', '</source>'].join('\n');
    expect(parseBlocks(answer)).toEqual([{ kind: 'whole', path: 'hello.py', content: 'print(2)\n', line: 2, lang: 'python' }]);
  });
});

describe('======= closing REPLACE', () => {
  const body = ['<<<<<<< SEARCH', 'a', '=======', 'b', '======='];

  it('ends the block when the closing fence follows', () => {
    const blocks = parseBlocks(['x.ts', '```', ...body, '```'].join('\n'));
    expect(blocks).toEqual([{ kind: 'search-replace', path: 'x.ts', search: 'a\n', replace: 'b\n', line: 3 }]);
  });

  it('ends the block when the next block follows, with or without its path', () => {
    const next = ['<<<<<<< SEARCH', 'c', '=======', 'd', '>>>>>>> REPLACE'];
    expect(parseBlocks([...body, ...next].join('\n')).map((b) => b.kind === 'search-replace' && b.replace)).toEqual(['b\n', 'd\n']);
    const named = parseBlocks([...body, '', 'y.ts', ...next].join('\n'));
    expect(named.map((b) => [b.path, b.kind === 'search-replace' && b.replace])).toEqual([[undefined, 'b\n'], ['y.ts', 'd\n']]);
  });

  it('stays unreadable when anything else follows, or nothing', () => {
    expect(() => parseBlocks([...body, 'c', '>>>>>>> REPLACE'].join('\n'))).toThrow(/two ======= lines/);
    expect(() => parseBlocks(body.join('\n'))).toThrow(/two ======= lines/);
  });
});
