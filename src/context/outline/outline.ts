import { extname } from 'node:path';
import { outlineBraces } from './braces.js';
import { outlineDeclarations, outlineJson, outlineKeys, outlineMarkdown } from './generic.js';
import { BY_EXTENSION } from './languages.js';
import { outlinePython } from './python.js';

/** Files above this size, or with a line above MAX_LINE, are generated or minified: no outline. */
const MAX_BYTES = 1_000_000;
const MAX_LINE = 3_000;

/**
 * The outline of one file, built locally: exports, functions, classes, methods and types with their
 * signatures, never a body (headings for Markdown, top-level keys for data files). Empty for binary,
 * minified, generated or unknown files.
 */
export function outlineFile(path: string, content: string): string[] {
  if (!outlineable(path, content)) return [];
  const kind = BY_EXTENSION[extname(path).slice(1).toLowerCase()];
  if (!kind) return [];
  const text = content.replace(/\r\n?/g, '\n');
  if (kind === 'python') return outlinePython(text);
  if (kind === 'markdown') return outlineMarkdown(text);
  if (kind === 'json') return outlineJson(text);
  if (kind === 'keys') return outlineKeys(text);
  if (kind === 'generic') return outlineDeclarations(text);
  return outlineBraces(text, kind);
}

/** False for files too big, binary, or minified (a line over MAX_LINE; data files aside) to outline. */
export function outlineable(path: string, content: string): boolean {
  if (content.length > MAX_BYTES || content.includes('\0')) return false;
  return extname(path).toLowerCase() === '.json' || longestLine(content) <= MAX_LINE;
}

function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let end = text.indexOf('\n'); ; end = text.indexOf('\n', start)) {
    longest = Math.max(longest, (end < 0 ? text.length : end) - start);
    if (end < 0) return longest;
    start = end + 1;
  }
}
