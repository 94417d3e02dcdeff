import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

const path = 'src/shop/cart.ts';

const cart = text([
  'export class Cart {',
  '  private items: Item[] = [];',
  '',
  '  add(item: Item): void {',
  '    this.items.push(item);',
  '  }',
  '',
  '  total(): number {',
  '    return this.items.reduce((sum, i) => sum + i.price, 0);',
  '  }',
  '}',
]);

function apply(answer: string, content: string | null = cart, target = path) {
  return applyAnswer(answer, { path: target, content });
}

describe('exact and whitespace', () => {
  it('applies an exact block and names the rung', () => {
    const r = apply(sr(['  add(item: Item): void {', '    this.items.push(item);'], ['  add(item: Item): void {', '    if (!item) return;', '    this.items.push(item);']));
    expect(r.ok).toBe(true);
    expect(r.blocks).toEqual([{ index: 0, file: path, status: 'applied', strategy: 'exact' }]);
    expect(r.after).toBe(cart.replace('    this.items.push(item);', '    if (!item) return;\n    this.items.push(item);'));
  });

  it('ignores trailing whitespace the model added, and drops it from new lines', () => {
    const r = apply(sr(['  total(): number {  ', '    return this.items.reduce((sum, i) => sum + i.price, 0);\t'], ['  total(): number {  ', '    return this.items.reduce((sum, i) => sum + i.price * i.qty, 0);   ']));
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'whitespace' });
    expect(r.after).toBe(cart.replace('sum + i.price, 0', 'sum + i.price * i.qty, 0'));
  });

  it('keeps trailing whitespace the file has on lines the model kept without it', () => {
    const file = text(['const a = 1;   ', 'const b = 2;', 'const c = 3;']);
    const r = apply(sr(['const a = 1;', 'const b = 2;'], ['const a = 1;', 'const b = 20;']), file);
    expect(r.after).toBe(text(['const a = 1;   ', 'const b = 20;', 'const c = 3;']));
  });

  it('keeps CRLF line endings when the answer uses LF, new lines included', () => {
    const crlf = cart.replace(/\n/g, '\r\n');
    const r = apply(sr(['  add(item: Item): void {', '    this.items.push(item);'], ['  add(item: Item): void {', '    log(item);', '    this.items.push(item);']), crlf);
    expect(r.ok).toBe(true);
    expect(r.after).toBe(crlf.replace('    this.items.push(item);\r\n', '    log(item);\r\n    this.items.push(item);\r\n'));
  });

  it('keeps a missing final newline and a BOM', () => {
    const file = '\uFEFFline one\nline two';
    const r = apply(sr(['line two'], ['line 2']), file, 'notes.txt');
    expect(r.after).toBe('\uFEFFline one\nline 2');
  });
});

describe('indentation', () => {
  it('re-indents a block the model wrote shifted left', () => {
    const r = apply(sr(['total(): number {', '  return this.items.reduce((sum, i) => sum + i.price, 0);', '}'], ['total(): number {', '  if (this.items.length === 0) return 0;', '  return this.items.reduce((sum, i) => sum + i.price, 0);', '}']));
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'indent-shift' });
    expect(r.after).toBe(cart.replace('  total(): number {\n', '  total(): number {\n    if (this.items.length === 0) return 0;\n'));
  });

  it('re-indents a block shifted right', () => {
    const r = apply(sr(['        add(item: Item): void {', '          this.items.push(item);'], ['        add(item: Item): void {', '          this.items.push({ ...item });']));
    expect(r.blocks[0].strategy).toBe('indent-shift');
    expect(r.after).toBe(cart.replace('this.items.push(item);', 'this.items.push({ ...item });'));
  });

  const tabbed = text(['function run() {', '\tif (ready) {', '\t\tstart();', '\t}', '}']);

  it('writes tabs when the file uses tabs and the model wrote 4 spaces', () => {
    const r = apply(sr(['    if (ready) {', '        start();', '    }'], ['    if (ready) {', '        start();', '        report();', '    }']), tabbed, 'run.js');
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'relative-indent' });
    expect(r.after).toBe(text(['function run() {', '\tif (ready) {', '\t\tstart();', '\t\treport();', '\t}', '}']));
  });

  it('writes tabs when the model wrote 2-space levels', () => {
    const r = apply(sr(['  if (ready) {', '    start();', '  }'], ['  if (ready) {', '    start();', '  } else {', '    wait();', '  }']), tabbed, 'run.js');
    expect(r.after).toBe(text(['function run() {', '\tif (ready) {', '\t\tstart();', '\t} else {', '\t\twait();', '\t}', '}']));
  });

  it('writes spaces when the file uses spaces and the model wrote tabs', () => {
    const r = apply(sr(['\tadd(item: Item): void {', '\t\tthis.items.push(item);', '\t}'], ['\tadd(item: Item): void {', '\t\tthis.items.push(item);', '\t\tthis.changed = true;', '\t}']));
    expect(r.blocks[0].strategy).toBe('relative-indent');
    expect(r.after).toBe(cart.replace('    this.items.push(item);\n', '    this.items.push(item);\n    this.changed = true;\n'));
  });

  it('keeps tabs in new lines of an exact match in a tab file even when the model indents them with spaces', () => {
    const r = apply(sr(['\tif (ready) {', '\t\tstart();'], ['\tif (ready) {', '        prepare();', '\t\tstart();']), tabbed, 'run.js');
    expect(r.after).toBe(text(['function run() {', '\tif (ready) {', '\t\tprepare();', '\t\tstart();', '\t}', '}']));
  });

  it('keeps Python structure when the model scaled 4-space indentation to 2', () => {
    const py = text(['def f(x):', '    if x:', '        return 1', '    return 0']);
    const r = apply(sr(['if x:', '  return 1'], ['if x:', '  if x > 9:', '    return 2', '  return 1']), py, 'f.py');
    expect(r.after).toBe(text(['def f(x):', '    if x:', '        if x > 9:', '            return 2', '        return 1', '    return 0']));
  });
});

describe('blank lines at the edges', () => {
  it('drops a blank line the model added at the edge of SEARCH', () => {
    const r = apply(sr(['', '  add(item: Item): void {', '    this.items.push(item);', ''], ['', '  add(item: Item): void {', '    this.items.unshift(item);', '']));
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'blank-edge' });
    expect(r.after).toBe(cart.replace('push(item)', 'unshift(item)'));
  });

  it('does not double a blank line the model left out of SEARCH but wrote in REPLACE', () => {
    const r = apply(sr(['  add(item: Item): void {', '    this.items.push(item);', '  }'], ['  add(item: Item): void {', '    this.items.push(item);', '  }', '', '  clear(): void {', '    this.items = [];', '  }', '']));
    expect(r.after).toBe(cart.replace('    this.items.push(item);\n  }\n\n', '    this.items.push(item);\n  }\n\n  clear(): void {\n    this.items = [];\n  }\n\n'));
  });
});

describe('elision markers', () => {
  it('keeps the lines a `// ... existing code ...` marker stands for', () => {
    const r = apply(sr(['  add(item: Item): void {', '    // ... existing code ...', '  }'], ['  add(item: Item): void {', '    // ... existing code ...', '    this.emit("add");', '  }']));
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'elision' });
    expect(r.after).toBe(cart.replace('    this.items.push(item);\n', '    this.items.push(item);\n    this.emit("add");\n'));
  });

  it('accepts a bare ... and a marker at the start of SEARCH only', () => {
    const r = apply(sr(['...', '  total(): number {'], ['  sum(): number {']));
    expect(r.blocks[0].strategy).toBe('elision');
    expect(r.after).toBe(cart.replace('  total(): number {', '  sum(): number {'));
  });

  it('takes a literal ... as code when the file has it', () => {
    const py = text(['class P(Protocol):', '    def run(self) -> None:', '        ...']);
    const r = apply(sr(['    def run(self) -> None:', '        ...'], ['    def run(self, n: int) -> None:', '        ...']), py, 'p.py');
    expect(r.blocks[0].strategy).toBe('exact');
    expect(r.after).toBe(text(['class P(Protocol):', '    def run(self, n: int) -> None:', '        ...']));
  });
});

describe('fuzzy', () => {
  it('applies a block with a small typo in an unchanged line, keeping the file\'s real line', () => {
    const r = apply(sr(['  total(): numbr {', '    return this.items.reduce((sum, i) => sum + i.price, 0);', '  }'], ['  total(): numbr {', '    return this.items.reduce((sum, i) => sum + i.price, 0) / 100;', '  }']));
    expect(r.blocks[0]).toMatchObject({ status: 'applied', strategy: 'fuzzy' });
    expect(r.after).toBe(cart.replace('i.price, 0);', 'i.price, 0) / 100;'));
  });

  it('takes no fuzzy match when the threshold asks for identical text', () => {
    const block = sr(['  total(): numbr {', '    return this.items.reduce((sum, i) => sum + i.price, 0);', '  }'], ['  total(): numbr {', '    return 0;', '  }']);
    const r = applyAnswer(block, { path, content: cart }, { fuzzyThreshold: 1 });
    expect(r.blocks[0]).toMatchObject({ status: 'failed', reason: 'no match in src/shop/cart.ts' });
  });

  it('merges a change into a line with a typo when the two touch different text', () => {
    const r = apply(sr(['  total(): number {', '    return this.item.reduce((sum, i) => sum + i.price, 0);', '  }'], ['  total(): number {', '    return this.item.reduce((sum, i) => sum + i.price, 1);', '  }']));
    expect(r.blocks[0].strategy).toBe('fuzzy');
    expect(r.after).toBe(cart.replace('i.price, 0);', 'i.price, 1);'));
  });
});

describe('unified diffs', () => {
  it('ignores wrong @@ numbers', () => {
    const diff = ['```diff', `--- a/${path}`, `+++ b/${path}`, '@@ -90,3 +90,4 @@', '   add(item: Item): void {', '     this.items.push(item);', '+    this.count++;', '   }', '```'].join('\n');
    const r = apply(diff);
    expect(r.ok).toBe(true);
    expect(r.after).toBe(cart.replace('    this.items.push(item);\n', '    this.items.push(item);\n    this.count++;\n'));
  });

  it('reads a bare diff without headers', () => {
    const diff = ['@@', '   total(): number {', '-    return this.items.reduce((sum, i) => sum + i.price, 0);', '+    return sum(this.items);', '   }'].join('\n');
    expect(apply(diff).after).toBe(cart.replace('this.items.reduce((sum, i) => sum + i.price, 0)', 'sum(this.items)'));
  });

  it('reads added lines the model left unmarked between added lines', () => {
    const file = text(['a();', 'b();', 'c();']);
    const diff = ['```diff', '@@ -1,3 +1,6 @@', ' a();', '+if (x) {', 'b2();', '+}', ' b();', '```'].join('\n');
    const r = apply(diff, file, 'x.js');
    expect(r.after).toBe(text(['a();', 'if (x) {', 'b2();', '}', 'b();', 'c();']));
  });

  it('reads unmarked context lines (the space lost) as context', () => {
    const file = text(['one', 'two', 'three']);
    const diff = ['```diff', '@@ @@', 'one', '-two', '+2', 'three', '```'].join('\n');
    expect(apply(diff, file, 'n.txt').after).toBe(text(['one', '2', 'three']));
  });

  it('applies several hunks in order and creates and deletes files', () => {
    const diff = ['--- a/x.txt', '+++ b/x.txt', '@@ -1 +1 @@', '-one', '+1', '@@ -3 +3 @@', '-three', '+3'].join('\n');
    expect(apply(diff, text(['one', 'two', 'three']), 'x.txt').after).toBe(text(['1', 'two', '3']));
    const create = ['--- /dev/null', '+++ b/new.txt', '@@ -0,0 +1,2 @@', '+hello', '+world'].join('\n');
    expect(apply(create, null, 'new.txt').after).toBe(text(['hello', 'world']));
    const del = ['--- a/old.txt', '+++ /dev/null', '@@ -1 +0,0 @@', '-bye'].join('\n');
    const r = apply(del, text(['bye']), 'old.txt');
    expect(r).toMatchObject({ ok: true, after: null, changed: true });
  });
});

describe('paths and wrapping', () => {
  it.each([[`a/${path}`], [`b/${path}`], ['cart.ts'], [`./${path}`], [`shop/cart.ts`], [`**${path}**`], [`\`${path}\``]])('accepts the path %s', (written) => {
    const r = apply(sr(['}'], ['}', '', 'export const EMPTY = new Cart();'].slice(0, 3), written).replace('<<<<<<< SEARCH\n}\n', '<<<<<<< SEARCH\n    return this.items.reduce((sum, i) => sum + i.price, 0);\n  }\n}\n').replace('=======\n}', '=======\n    return this.items.reduce((sum, i) => sum + i.price, 0);\n  }\n}'));
    expect(r.ok).toBe(true);
    expect(r.after).toBe(`${cart}\nexport const EMPTY = new Cart();\n`);
  });

  it('ignores <think> blocks, prose and fences around the edit', () => {
    const block = sr(['    this.items.push(item);'], ['    this.items.push(item); // keep order']);
    const answer = `<think>\nMaybe <<<<<<< SEARCH\nnothing\n=======\nwrong\n>>>>>>> REPLACE\n</think>\nSure! Here is the change:\n\n${path}\n\`\`\`typescript\n${block}\n\`\`\`\nThis keeps the order.`;
    const r = apply(answer);
    expect(r.blocks).toHaveLength(1);
    expect(r.after).toBe(cart.replace('this.items.push(item);', 'this.items.push(item); // keep order'));
  });

  it('creates a new file from a whole-file answer with its path on the line before', () => {
    const r = apply('Here it is:\n\nsrc/new.ts\n```ts\nexport const x = 1;\n```\n', null, 'src/new.ts');
    expect(r).toMatchObject({ ok: true, after: 'export const x = 1;\n', blocks: [{ status: 'applied', strategy: 'create' }] });
  });

  it('replaces a whole file, keeping CRLF and the lines the model did not touch', () => {
    const crlf = 'a\r\nb  \r\nc\r\n';
    const r = apply('```\na\nb\nC\n```', crlf, 'abc.txt');
    expect(r.after).toBe('a\r\nb  \r\nC\r\n');
  });

  it('converts a whole file written with spaces to the file\'s tabs', () => {
    const file = text(['if (a) {', '\tb();', '}']);
    const r = apply('```js\nif (a) {\n    b();\n    c();\n}\n```', file, 'a.js');
    expect(r.after).toBe(text(['if (a) {', '\tb();', '\tc();', '}']));
  });
});
