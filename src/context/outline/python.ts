import { maskLines } from './mask.js';
import { cutHead } from './signature.js';

const PY_LEX = { lineComment: ['#'], quotes: `'"`, tripleQuotes: true };

/**
 * The outline of a Python file: classes, functions and methods with their signatures, and
 * module-level CONSTANT names. A line is shown only when every block around it is a class, so
 * nothing of a function body (nested functions included) appears.
 */
export function outlinePython(text: string): string[] {
  const lines = text.split('\n');
  const masked = maskLines(text, PY_LEX);
  const out: string[] = [];
  const frames: Array<{ indent: number; kind: 'class' | 'def' }> = [];
  let skipUntil = -1;
  for (let n = 0; n < lines.length; n++) {
    const code = masked[n];
    if (n <= skipUntil || code.trim() === '') continue;
    const indent = code.length - code.trimStart().length;
    while (frames.length > 0 && frames[frames.length - 1].indent >= indent) frames.pop();
    const kind = /^\s*(?:async\s+)?def\s/.test(code) ? 'def' : /^\s*class\s/.test(code) ? 'class' : undefined;
    const visible = frames.every((f) => f.kind === 'class');
    if (kind) {
      if (visible) {
        const { head, end } = cutHead(lines, masked, n, { atEquals: false, atColon: true });
        out.push(`${'  '.repeat(frames.length)}${head}`);
        skipUntil = end;
      }
      frames.push({ indent, kind });
    } else if (frames.length === 0 && /^[A-Z_][A-Z0-9_]*\s*(?::[^=]*)?=/.test(code)) {
      out.push(cutHead(lines, masked, n, { atEquals: true }).head);
    }
  }
  return out;
}
