import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

const path = 'src/handlers.ts';
const handlers = text([
  'export function onOpen(e: Event) {',
  '  log(e);',
  '  return true;',
  '}',
  '',
  'export function onClose(e: Event) {',
  '  log(e);',
  '  return true;',
  '}',
]);

function apply(answer: string, content: string | null = handlers, target = path) {
  return applyAnswer(answer, { path: target, content });
}

/** Nothing applied: the content is untouched and the result is not ok. */
function expectUntouched(r: ReturnType<typeof apply>, content: string | null = handlers) {
  expect(r.ok).toBe(false);
  expect(r.changed).toBe(false);
  expect(r.after).toBe(content);
}

describe('refusals', () => {
  it('refuses old text that matches two places and names their lines', () => {
    const r = apply(sr(['  log(e);', '  return true;'], ['  log(e);', '  return false;']));
    expectUntouched(r);
    expect(r.blocks).toEqual([{ index: 0, file: path, status: 'refused', strategy: 'exact', reason: 'matches 2 places (lines 2, 7)' }]);
    expect(r.feedback).toContain('match 2 places in src/handlers.ts (lines 2, 7)');
  });

  it('refuses a shifted block that matches two places at the indentation rung', () => {
    const r = apply(sr(['log(e);', 'return true;'], ['log(e);', 'return false;']));
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'indent-shift' });
  });

  it('refuses a whole file that elides code with a comment', () => {
    const r = apply('```ts\nexport function onOpen(e: Event) {\n  log(e);\n  return false;\n}\n\n// ... rest of the file unchanged\n```');
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'whole', reason: 'whole file elides code (line 6: // ... rest of the file unchanged)' });
    expect(r.feedback).toContain('leaves code out (line 6');
  });

  it.each([['# ... existing code ...'], ['/* ... */'], ['...'], ['// existing code remains the same'], ['<!-- rest of the file unchanged -->']])('refuses a whole file holding %s', (marker) => {
    const r = apply(`\`\`\`\nexport function onOpen(e: Event) {\n  ${marker}\n}\n\`\`\``);
    expectUntouched(r);
    expect(r.blocks[0].status).toBe('refused');
  });

  it('accepts a complete whole file that keeps a comment the original already had', () => {
    const file = text(['// ... see README', 'a();']);
    const r = apply('```\n// ... see README\nb();\n```', file, 'a.js');
    expect(r.after).toBe(text(['// ... see README', 'b();']));
  });

  it('refuses a REPLACE that stands for code with a marker', () => {
    const r = apply(sr(['export function onOpen(e: Event) {', '  log(e);', '  return true;', '}'], ['export function onOpen(e: Event) {', '  track(e);', '  // ... rest unchanged', '}']));
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', reason: 'replacement elides code (// ... rest unchanged)' });
  });

  it('refuses markers in SEARCH that REPLACE does not repeat', () => {
    const r = apply(sr(['export function onOpen(e: Event) {', '  // ...', '}'], ['export function onOpen(e: Event) {', '  return 1;', '}']));
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'elision', reason: 'elision markers differ between SEARCH and REPLACE' });
  });

  it('fails old text that is nowhere near the file, showing the nearest lines', () => {
    const r = apply(sr(['export function onResize(e: Event) {', '  resize(e);'], ['export function onResize(e: Event) {', '  resize(e, true);']));
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'failed', reason: 'no match in src/handlers.ts' });
    expect(r.feedback).toBe(
      [
        'Block 1 ("export function onResize(e: Event) {") was not applied: its SEARCH lines are not in src/handlers.ts. The nearest lines in src/handlers.ts are:',
        '5 |',
        '6 | export function onClose(e: Event) {',
        '7 |   log(e);',
        '8 |   return true;',
        'Copy the lines to replace exactly from the file, with their indentation.',
        '',
        'Nothing was applied. Send the corrected edit.',
      ].join('\n'),
    );
  });

  it('refuses a block for another file', () => {
    const r = apply(sr(['a'], ['b'], 'src/other.ts'));
    expectUntouched(r);
    expect(r.blocks[0]).toEqual({ index: 0, file: 'src/other.ts', status: 'refused', reason: 'block is for src/other.ts, not src/handlers.ts' });
  });

  it('refuses a same-named file in another directory', () => {
    expect(apply(sr(['  log(e);'], ['  x();'], 'lib/handlers.ts')).blocks[0].status).toBe('refused');
  });

  it('refuses a fuzzy match when two places are about as close', () => {
    const file = text(['function alpha() {', '  return computeTotal(items, 1);', '}', 'function beta() {', '  return computeTotal(items, 2);', '}']);
    const r = apply(sr(['  return computeTotal(items, 3);'], ['  return computeTotal(items, 4);']), file, 'a.js');
    expectUntouched(r, file);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'fuzzy', reason: 'fuzzy match too close to call (lines 2, 5)' });
  });

  it('refuses a change to a mistyped line when the change touches the typo', () => {
    const file = text(['const limit = compute(items, 10);', 'const other = 1;', 'export default limit;']);
    const r = apply(sr(['const limit = compute(items, 11);', 'const other = 1;'], ['const limit = compute(items, 110);', 'const other = 1;']), file, 'a.js');
    expectUntouched(r, file);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'fuzzy' });
  });

  it('refuses an elided block whose closing piece is only found past the end of the block it opens', () => {
    const file = text(['function a() {', '  step();', '  return 0;', '}', 'function b() {', '  return 1;', '}']);
    const r = apply(sr(['function a() {', '  // ...', '  return 1;', '}'], ['function a() {', '  // ...', '  return 2;', '}']), file, 'a.js');
    expectUntouched(r, file);
    expect(r.blocks[0].status).toBe('failed');
  });

  it('does not take a block where most lines differ as a fuzzy match', () => {
    const file = text(['const alpha = compute(1);', 'const beta = compute(2);', 'const gamma = compute(3);']);
    const r = apply(sr(['const alpha = compute(7);', 'const beta = compute(8);', 'const gamma = compute(3);'], ['const gamma = compute(4);']), file, 'a.js');
    expectUntouched(r, file);
    expect(r.blocks[0].status).toBe('failed');
  });

  it('refuses to move a mistyped line, which would carry the typo into the file', () => {
    const file = text(['const first = computeTotal(a);', 'const second = computeTotal(b);', 'const third = computeTotal(c);']);
    const r = apply(sr(['const first = computeTotl(a);', 'const second = computeTotal(b);', 'const third = computeTotal(c);'], ['const second = computeTotal(b);', 'const first = computeTotl(a);', 'const third = computeTotal(c);']), file, 'a.js');
    expectUntouched(r, file);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', strategy: 'fuzzy' });
  });

  it('refuses an empty SEARCH on a file that has content', () => {
    const r = apply(sr([], ['new line']));
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', reason: 'no old lines to locate, but src/handlers.ts is not empty' });
  });

  it('refuses a shell snippet offered as the whole file', () => {
    const r = apply('Run this:\n```bash\nnpm test\n```');
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'refused', reason: 'code block is bash, not src/handlers.ts' });
  });

  it('refuses several unlabelled code blocks as a whole file', () => {
    const r = apply('```ts\na\n```\nor\n```ts\nb\n```');
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'failed', reason: 'the answer has 2 code blocks and none names its file' });
  });

  it('fails an answer with no edit, with a message for the model', () => {
    const r = apply('I think the code is fine as it is.');
    expectUntouched(r);
    expect(r.feedback).toMatch(/^I found no edit in your answer/);
  });

  it('fails a block cut off before >>>>>>> REPLACE', () => {
    const r = apply('<<<<<<< SEARCH\n  log(e);\n=======\n  lo');
    expectUntouched(r);
    expect(r.blocks[0]).toMatchObject({ status: 'failed', reason: 'SEARCH/REPLACE block 1 has no >>>>>>> REPLACE line' });
  });

  it('reports an edit that changes nothing', () => {
    const r = apply(sr(['export function onOpen(e: Event) {'], ['export function onOpen(e: Event) {  ']));
    expect(r).toMatchObject({ ok: false, changed: false, after: handlers, blocks: [{ status: 'unchanged', reason: 'the edit changes nothing' }] });
    expect(r.feedback).toBe('Your edit changes nothing in src/handlers.ts. Make the change the step asks for.');
  });

  it('reports a whole file identical to the original as unchanged', () => {
    const r = apply(`\`\`\`ts\n${handlers}\`\`\``);
    expect(r.blocks[0]).toMatchObject({ status: 'unchanged', reason: 'the edit changes nothing' });
    expect(r.ok).toBe(false);
  });

  it('keeps the blocks that applied and asks only for the failed ones', () => {
    const answer = [
      sr(['export function onOpen(e: Event) {'], ['export function onOpen(e: Event): boolean {']),
      sr(['  log(e);'], ['  trace(e);']),
      sr(['export function onClose(e: Event) {'], ['export function onClose(e: Event): boolean {']),
    ].join('\n\n');
    const r = apply(answer);
    expect(r.ok).toBe(false);
    expect(r.blocks.map((b) => b.status)).toEqual(['applied', 'refused', 'applied']);
    expect(r.after).toBe(handlers.replace('onOpen(e: Event) {', 'onOpen(e: Event): boolean {').replace('onClose(e: Event) {', 'onClose(e: Event): boolean {'));
    expect(r.feedback).toBe(
      [
        'Block 2 ("log(e);") was not applied: its SEARCH lines match 2 places in src/handlers.ts (lines 2, 7). Add unchanged lines around the change so it matches one place only.',
        '',
        'Blocks 1, 3 applied and are now in the file: do not send them again. Send only corrected versions of block 2, written against the file as it is now.',
      ].join('\n'),
    );
  });

  it('treats a block sent again after it applied as already applied', () => {
    const once = apply(sr(['  return true;', '}', '', 'export function onClose(e: Event) {'], ['  return true;', '}', '', 'export function onClose(e: Event): void {']));
    const again = apply(sr(['  return true;', '}', '', 'export function onClose(e: Event) {'], ['  return true;', '}', '', 'export function onClose(e: Event): void {']), once.after);
    expect(again.blocks[0]).toMatchObject({ status: 'unchanged', reason: 'already applied' });
  });

  it('fails an edit of a file that does not exist', () => {
    const r = apply(sr(['a'], ['b']), null);
    expect(r).toMatchObject({ ok: false, after: null, blocks: [{ status: 'failed', reason: 'src/handlers.ts does not exist' }] });
  });
});
