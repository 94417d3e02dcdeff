/** How a language writes comments and strings, as far as masking needs to know. */
export interface Lexicon {
  lineComment: string[];
  blockComment?: [string, string];
  /** Quote characters; those in `multiline` may span lines (JS template literals, Go raw strings). */
  quotes: string;
  multiline?: string;
  /** Python's ''' and """ strings. */
  tripleQuotes?: boolean;
  /** JS regular expression literals, which may hold quotes and braces. */
  regexLiterals?: boolean;
  /** Rust: a single quote starts a char literal only when it closes right away; otherwise it is a lifetime. */
  charLiterals?: boolean;
}

type State = { in: 'code' } | { in: 'block' } | { in: 'string'; quote: string };

// A slash after one of these (or at the start of a line) starts a regex literal, not a division.
const BEFORE_REGEX = /(?:[(,=:[!&|?{};+\-*%<>~^]|\breturn|\btypeof|\bcase|\byield|\bawait)$/;

/**
 * Blanks out comments and the contents of strings, keeping every line's length and the quote
 * characters, so braces and keywords can be found in the result and cut from the original text at
 * the same columns.
 */
export function maskLines(text: string, lex: Lexicon): string[] {
  let state: State = { in: 'code' };
  const [blockOpen, blockClose] = lex.blockComment ?? ['', ''];
  return text.split('\n').map((line) => {
    let out = '';
    let i = 0;
    const keep = (n: number) => {
      out += line.slice(i, i + n);
      i += n;
    };
    const blank = (n: number) => {
      out += ' '.repeat(n);
      i += n;
    };
    while (i < line.length) {
      if (state.in === 'block') {
        const end = line.indexOf(blockClose, i);
        if (end < 0) blank(line.length - i);
        else {
          blank(end - i + blockClose.length);
          state = { in: 'code' };
        }
        continue;
      }
      if (state.in === 'string') {
        const quote = state.quote;
        if (line.startsWith(quote, i)) {
          keep(quote.length);
          state = { in: 'code' };
        } else blank(line[i] === '\\' && quote !== '`' ? Math.min(2, line.length - i) : 1);
        continue;
      }
      if (lex.lineComment.some((c) => line.startsWith(c, i))) {
        blank(line.length - i);
        continue;
      }
      if (blockOpen && line.startsWith(blockOpen, i)) {
        blank(blockOpen.length);
        state = { in: 'block' };
        continue;
      }
      const ch = line[i];
      if (lex.tripleQuotes && (line.startsWith('"""', i) || line.startsWith("'''", i))) {
        state = { in: 'string', quote: line.slice(i, i + 3) };
        keep(3);
        continue;
      }
      if (lex.charLiterals && ch === "'") {
        const literal = /^'(?:\\.[^']*|[^\\'])'/.exec(line.slice(i, i + 12))?.[0];
        if (literal) out += `'${' '.repeat(literal.length - 2)}'`;
        else out += ch;
        i += literal?.length ?? 1;
        continue;
      }
      if (lex.quotes.includes(ch)) {
        state = { in: 'string', quote: ch };
        keep(1);
        continue;
      }
      if (lex.regexLiterals && ch === '/' && startsRegex(out)) {
        const length = regexLength(line, i);
        if (length > 0) {
          out += `/${' '.repeat(length - 2)}/`;
          i += length;
          continue;
        }
      }
      keep(1);
    }
    // Ordinary strings end with their line, whether or not they were closed.
    if (state.in === 'string' && state.quote.length === 1 && !(lex.multiline ?? '').includes(state.quote)) state = { in: 'code' };
    return out;
  });
}

function startsRegex(before: string): boolean {
  const code = before.trimEnd();
  return code === '' || BEFORE_REGEX.test(code.slice(-8));
}

/** The length of a regex literal starting at `from` (slashes included), or 0 when it is none. */
function regexLength(line: string, from: number): number {
  let inClass = false;
  for (let i = from + 1; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i > from + 1 ? i - from + 1 : 0;
  }
  return 0;
}
