import { structuredPatch } from 'diff';
import { TandemError } from '../errors.js';

/**
 * A git-compatible unified diff turning `before` into `after` at repository-relative `path`
 * (`null` means the file does not exist: create or delete). Returns '' when nothing changes.
 */
export function makePatch(path: string, before: string | null, after: string | null): string {
  if (before === null && after === null) throw new TandemError(`makePatch(${path}): neither a before nor an after content`);
  if (before === after) return '';
  const a = quoteName(`a/${path}`);
  const b = quoteName(`b/${path}`);
  const header = [`diff --git ${a} ${b}`];
  if (before === null) header.push('new file mode 100644', '--- /dev/null', `+++ ${b}${tabIfSpaced(b)}`);
  else if (after === null) header.push('deleted file mode 100644', `--- ${a}${tabIfSpaced(a)}`, '+++ /dev/null');
  else header.push(`--- ${a}${tabIfSpaced(a)}`, `+++ ${b}${tabIfSpaced(b)}`);
  const { hunks } = structuredPatch(path, path, before ?? '', after ?? '', '', '', { context: 3 });
  const body = hunks.flatMap((hunk) => [
    `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
    // A CRLF file's lines keep their '\r' here, so joining with '\n' writes them back as CRLF.
    ...hunk.lines,
  ]);
  return [...header, ...body, ''].join('\n');
}

// git writes an empty range as the line before it (`-0,0`) and omits a count of 1.
function range(start: number, lines: number): string {
  if (lines === 0) return `${Math.max(start - 1, 0)},0`;
  return lines === 1 ? `${start}` : `${start},${lines}`;
}

// Like git: a name with a space gets a trailing tab on ---/+++ lines, so readers know where it ends.
function tabIfSpaced(name: string): string {
  return name.includes(' ') && !name.startsWith('"') ? '\t' : '';
}

const C_ESCAPES: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 34: '\\"', 92: '\\\\' };

/** git's C-style quoting of a path with control characters, quotes, backslashes or non-ASCII bytes. */
function quoteName(name: string): string {
  const bytes = Buffer.from(name, 'utf8');
  if (!bytes.some((byte) => byte < 0x20 || byte >= 0x7f || byte === 34 || byte === 92)) return name;
  let quoted = '"';
  for (const byte of bytes) {
    if (C_ESCAPES[byte]) quoted += C_ESCAPES[byte];
    else if (byte < 0x20 || byte >= 0x7f) quoted += `\\${byte.toString(8).padStart(3, '0')}`;
    else quoted += String.fromCharCode(byte);
  }
  return `${quoted}"`;
}
