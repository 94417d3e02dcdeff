import { isBlank } from './indent.js';

const COMMENT = /^(\/\/+|#+|\/\*+|<!--|--|;+|\*|\{\s*\/\*+)\s*(.*?)\s*(\*+\/\s*\}?|-->)?$/;
const ELLIPSIS = /\.\.\.|…/;
const CODE = '(code|implementation|logic|content|contents|methods|functions|imports|fields|properties|tests|body|lines|file)';
const LAZY = new RegExp(
  [
    `\\bexisting ${CODE}`,
    `\\brest of (the )?(${CODE.slice(1, -1)}|function|class|method|component|module)`,
    `\\bremaining ${CODE}`,
    `\\b${CODE} (remains?|stays?|is|are) (the same|unchanged)`,
    '\\bunchanged\\b',
    '\\bsame as (before|above|the original|original)',
    '\\b(omitted|elided) for brevity',
    `\\bprevious ${CODE}`,
  ].join('|'),
  'i',
);

/** A bare `...` (or `…`) line: elision in most languages, but literal in Python stubs. */
export function isBareEllipsis(line: string): boolean {
  const t = line.trim();
  return t === '...' || t === '…';
}

/** A comment standing for code left out: `// ... existing code ...`, `# ...`, a block comment of dots, `<!-- rest unchanged -->`. */
export function isElisionComment(line: string): boolean {
  const m = COMMENT.exec(line.trim());
  if (!m) return false;
  const body = m[2].trim();
  if (body === '') return false;
  if (/^(\.\.\.|…)/.test(body)) return true;
  if (ELLIPSIS.test(body) && /\b(other|more|remaining|rest)\b/i.test(body)) return true;
  if (!LAZY.test(body)) return false;
  // A long sentence that merely mentions "unchanged" is prose; a short note or one with an ellipsis stands for code.
  return ELLIPSIS.test(body) || body.split(/\s+/).length <= 8;
}

/** Any line that stands for elided code: a bare ellipsis or an elision comment. */
export function isElisionMarker(line: string): boolean {
  return isBareEllipsis(line) || isElisionComment(line);
}

/** Python's `...` as a whole body (`def f():` then `...`) is code, not elision. */
export function isPythonStubBody(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    if (isBlank(lines[i])) continue;
    return lines[i].trimEnd().endsWith(':');
  }
  return false;
}
