import { describe, expect, it } from 'vitest';
import { isElisionMarker, isPythonStubBody } from '../../src/editor/elision.js';

describe('elision markers', () => {
  it.each([
    '...',
    '  …',
    '// ...',
    '    // ... existing code ...',
    '// existing code',
    '# ... rest of the file',
    '# rest of the function unchanged',
    '/* ... */',
    '{/* ... */}',
    '<!-- ... -->',
    '-- ... remaining code',
    '// Rest of the code remains the same',
    '// (unchanged)',
    '// other methods ...',
  ])('%s stands for code', (line) => {
    expect(isElisionMarker(line)).toBe(true);
  });

  it.each([
    'const rest = [...items];',
    '// loading',
    '// wait for it...',
    '// Keep existing behaviour for old clients of this API, which still send strings',
    '# TODO: handle the rest',
    'console.log("...")',
    '// note',
    '/* */',
  ])('%s is code or an ordinary comment', (line) => {
    expect(isElisionMarker(line)).toBe(false);
  });

  it('tells a Python stub body from elision', () => {
    expect(isPythonStubBody(['def f(self) -> None:', '    ...'], 1)).toBe(true);
    expect(isPythonStubBody(['x = 1', '...'], 1)).toBe(false);
  });
});
