import { isBareEllipsis, isElisionComment, isPythonStubBody } from './elision.js';
import { emitReplacement } from './emit.js';
import { detectIndent } from './indent.js';
import { buildIndenter } from './indenter.js';
import { languageMismatch } from './languages.js';
import { pathMatches } from './paths.js';
import { notApplied, type UnitOutcome } from './outcome.js';
import { newTextFile, serializeTextFile, spliceLines, type TextFile } from './text-file.js';

/** The first line of a whole-file answer that stands for code left out, with its 1-based number. */
function elidedLine(content: string[], original: string[]): { line: string; lineNo: number } | undefined {
  if (original.length === 0) return undefined;
  const known = new Set(original.map((l) => l.trim()));
  for (const [i, line] of content.entries()) {
    if (known.has(line.trim())) continue;
    const lazy = isElisionComment(line) || (isBareEllipsis(line) && !isPythonStubBody(content, i));
    if (lazy) return { line: line.trim(), lineNo: i + 1 };
  }
  return undefined;
}

const PATH_COMMENT = /^\s*(?:\/\/|#|<!--|\/\*|--)\s*(?:file(?:path|name)?\s*:\s*)?(\S+?)\s*(?:-->|\*\/)?\s*$/i;

/** Models often open the file with a comment naming it (`// src/a.ts`); unless the file had one, it is not content. */
function withoutPathComment(content: string[], original: string[], path: string): string[] {
  const m = content.length > 0 ? PATH_COMMENT.exec(content[0]) : null;
  if (!m || !/[./]/.test(m[1]) || !pathMatches(m[1], path)) return content;
  return original[0]?.trim() === content[0].trim() ? content : content.slice(1);
}

/**
 * Replace the file with a complete new version. Lines the model left as they were are copied from
 * the file (keeping their endings and trailing spaces); the model's indentation style is
 * converted to the file's. Refused when it elides code or is plainly not this kind of file.
 */
export function applyWhole(file: TextFile | null, written: string[], path: string, lang?: string): UnitOutcome {
  if (languageMismatch(lang, path)) return notApplied({ kind: 'wrong-lang', lang: lang! }, 'whole');
  const content = withoutPathComment(written, file?.lines ?? [], path);
  if (file === null) return { status: 'applied', strategy: 'create', file: newTextFile(content) };
  if (content.every((l) => l.trim() === '') && file.lines.some((l) => l.trim() !== '')) return notApplied({ kind: 'empty-whole' }, 'whole');
  const elided = elidedLine(content, file.lines);
  if (elided) return notApplied({ kind: 'elided-whole', ...elided }, 'whole');
  const fileIndent = detectIndent(file.lines);
  const toFile = buildIndenter({ pairs: [], model: detectIndent(content), file: fileIndent })!;
  const rendered = content.map((l) => toFile.render(l) ?? l);
  const identity = buildIndenter({ pairs: [], model: fileIndent, file: fileIndent })!;
  const placement = { start: 0, length: file.lines.length, indenter: identity, dirty: new Set<number>(), trimTrailing: false };
  const out = emitReplacement(file.lines, rendered, placement, file.lines);
  if (!out.ok) return notApplied({ kind: 'reindent' }, 'whole');
  const next = spliceLines(file, 0, file.lines.length, out.lines);
  if (serializeTextFile(next) === serializeTextFile(file)) return { status: 'unchanged', strategy: 'whole', file, note: 'the edit changes nothing' };
  return { status: 'applied', strategy: 'whole', file: next };
}
