import type { EditFormat } from './types.js';

/** The edit format asked of the editor for one step. */
export type ConcreteEditFormat = Exclude<EditFormat, 'auto'>;

/** Lines in a file's content ('' has none; a final newline does not start another). */
export function countLines(content: string): number {
  if (content === '') return 0;
  const n = content.split('\n').length;
  return content.endsWith('\n') ? n - 1 : n;
}

/**
 * The format to ask for: a forced one as configured; under 'auto' the whole file for new or small
 * files (at most `wholeFileMaxLines` lines), where small models do best, and SEARCH/REPLACE blocks
 * otherwise, where rewriting everything would cost tokens and invite lost lines.
 */
export function chooseEditFormat(configured: EditFormat, content: string | null, wholeFileMaxLines: number): ConcreteEditFormat {
  if (configured !== 'auto') return configured;
  if (content === null || countLines(content) <= wholeFileMaxLines) return 'whole';
  return 'search-replace';
}
