import { describe, expect, it } from 'vitest';
import { EditFormatError } from '../../src/editor/errors.js';
import { parseAnswer } from '../../src/editor/parse.js';

describe('search/replace blocks', () => {
  it('reads blocks with 5 to 9 marker characters and the path from the line before the fence', () => {
    const answer = [
      'Changes:',
      'src/a.ts',
      '```ts',
      '<<<<< SEARCH',
      'old',
      '=====',
      'new',
      '>>>>> REPLACE',
      '```',
      '',
      '<<<<<<<<< SEARCH',
      'x',
      '=========',
      '>>>>>>>>> REPLACE',
    ].join('\n');
    expect(parseAnswer(answer)).toEqual([
      { kind: 'search-replace', path: 'src/a.ts', search: 'old\n', replace: 'new\n', line: 4 },
      { kind: 'search-replace', path: undefined, search: 'x\n', replace: '', line: 11 },
    ]);
  });

  it.each([
    ['```ts src/a.ts', 'src/a.ts'],
    ['```src/a.ts', 'src/a.ts'],
    ['```ts:src/a.ts', 'src/a.ts'],
    ['```ts title="src/a.ts"', 'src/a.ts'],
  ])('takes the path from the fence info %s', (fence, path) => {
    const blocks = parseAnswer(`${fence}\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n\`\`\``);
    expect(blocks[0].path).toBe(path);
  });

  it.each([['File: src/a.ts'], ['### src/a.ts'], ['**src/a.ts**'], ['`src/a.ts`:'], ['src\\a.ts']])('takes the path from the line %s', (line) => {
    const blocks = parseAnswer(`${line}\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE`);
    expect(blocks[0].path?.replace('\\', '/')).toBe('src/a.ts');
  });

  it('takes no path from a line of prose', () => {
    expect(parseAnswer('Here is the fix:\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE')[0].path).toBeUndefined();
  });

  it('accepts ORIGINAL/UPDATED markers and CRLF answers', () => {
    expect(parseAnswer('<<<<<<< ORIGINAL\r\na\r\n=======\r\nb\r\n>>>>>>> UPDATED\r\n')).toEqual([{ kind: 'search-replace', path: undefined, search: 'a\n', replace: 'b\n', line: 1 }]);
  });

  it('throws with a model-facing message on a block with two dividers', () => {
    const run = () => parseAnswer('<<<<<<< SEARCH\na\n=======\nb\n=======\nc\n>>>>>>> REPLACE');
    expect(run).toThrow(EditFormatError);
    expect(run).toThrow('SEARCH/REPLACE block 1 has two ======= lines');
  });

  it('ignores blocks inside <think> and an unclosed leading reasoning section', () => {
    const inThink = '<think>\n<<<<<<< SEARCH\nno\n=======\nno\n>>>>>>> REPLACE\n</think>\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE';
    expect(parseAnswer(inThink)).toHaveLength(1);
    const onlyClose = 'reasoning <<<<<<< SEARCH\n</think>\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE';
    expect(parseAnswer(onlyClose)).toEqual([{ kind: 'search-replace', path: undefined, search: 'a\n', replace: 'b\n', line: 2 }]);
  });

  it('does not read example code fences as a whole file when blocks are present', () => {
    const answer = '```ts\nexample();\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE';
    expect(parseAnswer(answer).map((b) => b.kind)).toEqual(['search-replace']);
  });
});

describe('unified diffs', () => {
  it('reads a git diff of two files, with a/ b/ prefixes removed', () => {
    const answer = [
      'diff --git a/src/a.ts b/src/a.ts',
      'index 123..456 100644',
      '--- a/src/a.ts',
      '+++ b/src/a.ts',
      '@@ -10,2 +10,2 @@ function x() {',
      ' keep',
      '-old',
      '+new',
      '\\ No newline at end of file',
      'diff --git a/b.txt b/b.txt',
      '--- a/b.txt\t2024-01-01 00:00:00',
      '+++ b/b.txt\t2024-01-01 00:00:00',
      '@@ -1 +1 @@',
      '-x',
      '+y',
    ].join('\n');
    expect(parseAnswer(answer)).toEqual([
      { kind: 'udiff', path: 'src/a.ts', line: 1, hunks: [{ lines: [{ op: ' ', text: 'keep' }, { op: '-', text: 'old' }, { op: '+', text: 'new' }] }] },
      { kind: 'udiff', path: 'b.txt', line: 10, hunks: [{ lines: [{ op: '-', text: 'x' }, { op: '+', text: 'y' }] }] },
    ]);
  });

  it('marks creation and deletion with /dev/null', () => {
    const blocks = parseAnswer('--- /dev/null\n+++ b/new.ts\n@@ -0,0 +1 @@\n+hi\n--- a/old.ts\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye');
    expect(blocks).toEqual([
      { kind: 'udiff', path: 'new.ts', line: 1, hunks: [{ lines: [{ op: '+', text: 'hi' }] }] },
      { kind: 'udiff', path: 'old.ts', line: 5, deleteFile: true, hunks: [{ lines: [{ op: '-', text: 'bye' }] }] },
    ]);
  });

  it('reads a fenced diff without headers or @@, keeps unmarked lines flagged and drops prose after it', () => {
    const blocks = parseAnswer('```diff\n a\n-b\nunmarked\n+c\n```\nThis replaces b.');
    expect(blocks).toEqual([
      {
        kind: 'udiff',
        path: undefined,
        line: 2,
        hunks: [{ lines: [{ op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: ' ', text: 'unmarked', unmarked: true }, { op: '+', text: 'c' }] }],
      },
    ]);
  });

  it('ends a bare diff at prose after a blank line', () => {
    const blocks = parseAnswer('@@ -1 +1 @@\n-a\n+b\n\nThat is all.\n- a bullet');
    expect(blocks).toEqual([{ kind: 'udiff', path: undefined, line: 1, hunks: [{ lines: [{ op: '-', text: 'a' }, { op: '+', text: 'b' }] }] }]);
  });

  it('keeps a context line that looks like a fence inside a fenced diff', () => {
    const blocks = parseAnswer('````diff\n@@ @@\n ```js\n-x\n+y\n ```\n````');
    expect(blocks[0].kind === 'udiff' && blocks[0].hunks[0].lines).toEqual([
      { op: ' ', text: '```js' },
      { op: '-', text: 'x' },
      { op: '+', text: 'y' },
      { op: ' ', text: '```' },
    ]);
  });
});

describe('whole files', () => {
  it('reads one fenced block, with the path from the line before', () => {
    expect(parseAnswer('Here:\n\nsrc/a.ts\n```ts\nconst a = 1;\n```\nDone.')).toEqual([
      { kind: 'whole', path: 'src/a.ts', content: 'const a = 1;\n', line: 4, lang: 'ts' },
    ]);
  });

  it('keeps inner fences of a markdown file fenced with more backticks', () => {
    expect(parseAnswer('````md\n# T\n```js\nx\n```\n````')).toEqual([{ kind: 'whole', path: undefined, content: '# T\n```js\nx\n```\n', line: 1, lang: 'md' }]);
  });

  it('reads one block per labelled fence and skips a shell snippet', () => {
    const blocks = parseAnswer('a.ts\n```ts\na\n```\nb.ts\n```ts\nb\n```\n```bash\nnpm test\n```');
    expect(blocks.map((b) => [b.path, b.kind === 'whole' && b.content])).toEqual([
      ['a.ts', 'a\n'],
      ['b.ts', 'b\n'],
    ]);
  });

  it('throws on a fence cut off before it closes', () => {
    expect(() => parseAnswer('```ts\nconst a = 1;\n')).toThrow('the code block is not closed (answer cut off?)');
  });

  it('throws with a model-facing message when there is no edit at all', () => {
    try {
      parseAnswer('All good, nothing to change.');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EditFormatError);
      expect((error as EditFormatError).exitCode).toBe(1);
      expect((error as EditFormatError).modelMessage).toMatch(/^I found no edit in your answer/);
    }
  });
});
