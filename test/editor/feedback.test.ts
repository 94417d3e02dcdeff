import { describe, expect, it } from 'vitest';
import { applyAnswer } from '../../src/editor/engine.js';
import { sr, text } from './helpers.js';

describe('feedback', () => {
  it('names diff hunks, shows the file\'s real lines, and refers to the file after the applied hunk', () => {
    const file = text(['alpha();', 'beta();', 'gamma();', 'delta();']);
    const diff = ['```diff', '@@ @@', ' alpha();', '+inserted();', ' beta();', '@@ @@', ' gama();', '-delta();', '```'].join('\n');
    const r = applyAnswer(diff, { path: 'x.js', content: file });
    expect(r.blocks.map((b) => b.status)).toEqual(['applied', 'failed']);
    expect(r.after).toBe(text(['alpha();', 'inserted();', 'beta();', 'gamma();', 'delta();']));
    expect(r.feedback).toBe(
      [
        'Hunk 2 ("gama();") was not applied: its unchanged and removed lines are not in x.js. The nearest lines in x.js are:',
        '3 | beta();',
        '4 | gamma();',
        '5 | delta();',
        'Copy the lines to replace exactly from the file, with their indentation.',
        '',
        'Hunk 1 applied and is now in the file: do not send it again. Send only corrected versions of hunk 2, written against the file as it is now.',
      ].join('\n'),
    );
  });

  it('explains a change to a mistyped line', () => {
    const file = text(['const limit = compute(items, 10);', 'const other = 1;']);
    const r = applyAnswer(sr(['const limit = compute(items, 11);', 'const other = 1;'], ['const limit = compute(items, 110);', 'const other = 1;']), { path: 'a.js', content: file });
    expect(r.blocks[0].reason).toBe('changes a line that differs from the file (const limit = compute(items, 11);)');
    expect(r.feedback).toContain('the line "const limit = compute(items, 11);" is not exactly what the file says');
    expect(r.feedback).toContain('1 | const limit = compute(items, 10);');
  });

  it('tells the model that an elided whole file must be written out', () => {
    const r = applyAnswer('```py\ndef f():\n    return 2\n\n# ... rest of the code\n```', { path: 'm.py', content: text(['def f():', '    return 1', '', 'def g():', '    pass']) });
    expect(r.feedback).toBe('Block 1 ("def f():") was not applied: the file you sent leaves code out (line 4: "# ... rest of the code"). Send the complete file with every line written out.\n\nNothing was applied. Send the corrected edit.');
  });

  it('stays fast on a 5000-line file with a block that matches nowhere', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  const value${i % 97} = compute(${i % 13}, "item-${i % 31}");`);
    const started = Date.now();
    const r = applyAnswer(sr(Array.from({ length: 30 }, (_, k) => `  const other${k} = unrelated(${k});`), ['x']), { path: 'a.ts', content: text(lines) });
    expect(r.blocks[0].status).toBe('failed');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
