/** Where a declaration's head ends. */
export interface CutRules {
  /** Stop before a `=` at nesting level 0 (an initialiser or expression body), but not `==`, `=>`, `<=`, `>=`, `!=`. */
  atEquals: boolean;
  /** Keep an arrow `=>` and stop right after it (a function held in a const). */
  throughArrow?: boolean;
  /** Stop at a `:` at nesting level 0 (Python's `def f(a: int) -> str:`). */
  atColon?: boolean;
}

/** The longest head kept, in characters: long enough for most signatures, short enough to never carry a body. */
export const MAX_HEAD = 160;

/**
 * The head of a declaration that starts at line `start`: its text up to the body's opening brace, a
 * `;`, or (by the rules) an `=`, followed over at most 8 lines while parentheses stay open. Positions
 * are found in the masked lines and cut from the original ones, so strings and comments cannot fool it.
 * Returns the head with whitespace collapsed and the last line it used.
 */
export function cutHead(lines: readonly string[], masked: readonly string[], start: number, rules: CutRules): { head: string; end: number } {
  let depth = 0;
  const parts: string[] = [];
  for (let n = start; n < Math.min(lines.length, start + 8); n++) {
    const code = masked[n];
    let cut = code.length;
    for (let i = 0; i < code.length; i++) {
      const ch = code[i];
      if (ch === '(' || ch === '[' || ch === '<') depth += ch === '<' && !/[\w>\]]/.test(code[i - 1] ?? '') ? 0 : 1;
      else if (ch === ')' || ch === ']' || (ch === '>' && code[i - 1] !== '=' && code[i - 1] !== '-')) depth = Math.max(0, depth - 1);
      if (depth > 0) continue;
      if (ch === '{' || ch === ';' || (ch === ':' && rules.atColon)) {
        cut = i;
        break;
      }
      if (ch === '=' && code[i + 1] === '>' && rules.throughArrow) {
        cut = i + 2;
        break;
      }
      if (ch === '=' && rules.atEquals && !'=!<>'.includes(code[i - 1] ?? '') && !'=>'.includes(code[i + 1] ?? '')) {
        cut = i;
        break;
      }
    }
    parts.push(lines[n].slice(0, cut));
    if (cut < code.length || depth === 0) return { head: tidy(parts.join(' ')), end: n };
  }
  return { head: tidy(parts.join(' ')), end: Math.min(lines.length, start + 8) - 1 };
}

function tidy(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[\s,:]+$/, '');
  return flat.length > MAX_HEAD ? `${flat.slice(0, MAX_HEAD - 1)}…` : flat;
}
