import { maskLines, type Lexicon } from './mask.js';
import { cutHead } from './signature.js';

/** What the outline of a brace language shows. */
export interface BraceLanguage {
  lex: Lexicon;
  /** Declarations shown at the top level. */
  topLevel: (code: string) => boolean;
  /** Declarations whose braces hold members shown in the outline (classes, interfaces, impls, structs). */
  container: RegExp;
  /** Consts holding a function: their head is kept through `=>`. */
  arrow?: RegExp;
  /** Declarations whose `=` starts no body (type aliases): their head goes on past it. */
  keepEquals?: RegExp;
}

type Frame = 'container' | 'body';

const CONTROL = new Set(['if', 'for', 'foreach', 'while', 'switch', 'catch', 'return', 'new', 'sizeof', 'do', 'else', 'try', 'using', 'lock', 'when', 'throw', 'await', 'yield', 'assert', 'synchronized', 'typeof', 'delete', 'case']);

/** True for a line that starts like a function head: words and types, then a name and `(`, no control keyword. */
export function looksLikeFunctionHead(code: string): boolean {
  const open = code.indexOf('(');
  if (open < 0) return false;
  const before = code.slice(0, open).trim();
  if (before.startsWith('@')) return false;
  const name = /([A-Za-z_$~][\w$]*)$/.exec(before)?.[1];
  if (!name || CONTROL.has(name) || !/^[\w@\s<>[\],.?:*&~$]+$/.test(before) || /[=]/.test(before)) return false;
  return !CONTROL.has(before.split(/\s+/)[0]);
}

const NOT_MEMBER = /^(?:[})\]]|@[\w.]+(?:\(.*\))?$|#\[|(?:if|for|while|switch|return|case|default|else|do|try|catch|finally|throw|break|continue)\b)/;

/**
 * The outline of a file in a brace language: top-level declarations and the members of containers,
 * each cut before its body. Nothing inside a function body is ever shown, since a line is shown only
 * when every brace around it belongs to a container.
 */
export function outlineBraces(text: string, language: BraceLanguage): string[] {
  const lines = text.split('\n');
  const masked = maskLines(text, language.lex);
  const out: string[] = [];
  const frames: Frame[] = [];
  let pending: Frame | undefined;
  let skipUntil = -1;
  for (let n = 0; n < lines.length; n++) {
    const code = masked[n];
    const trimmed = code.trim();
    if (n > skipUntil && trimmed !== '' && frames.every((f) => f === 'container')) {
      const depth = frames.length;
      const container = language.container.test(code);
      if (container || (depth === 0 ? language.topLevel(code) : !NOT_MEMBER.test(trimmed))) {
        const arrow = !container && (language.arrow?.test(code) ?? false);
        const atEquals = !container && !arrow && !(language.keepEquals?.test(code) ?? false);
        const { head, end } = cutHead(lines, masked, n, { atEquals, throughArrow: arrow });
        if (head) out.push(`${'  '.repeat(depth)}${head}`);
        skipUntil = end;
        pending = container ? 'container' : 'body';
      }
    }
    for (const ch of code) {
      if (ch === '{') {
        frames.push(pending ?? 'body');
        pending = undefined;
      } else if (ch === '}') frames.pop();
      else if (ch === ';' && n >= skipUntil) pending = undefined;
    }
  }
  return out;
}
