// Turning a real file change into edits: one hunk group per change (3 lines of context), each
// with its old lines, new lines and the file it yields when applied alone.
import { structuredPatch } from 'diff';

/** Lines of LF text; a final newline ends the last line rather than starting an empty one. */
export const toLines = (text) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
/** LF text of lines, with a final newline. */
export const fromLines = (lines) => lines.map((l) => `${l}\n`).join('');

/** Count of places where `needle` (lines) occurs in `hay` (lines). */
export function occurrences(hay, needle, same = (a, b) => a === b) {
  if (needle.length === 0) return 0;
  let n = 0;
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((l, k) => same(hay[i + k], l))) n++;
  return n;
}

/**
 * The hunks of a change, each { ops: [{op, text}], start (0-based old line), oldLength, search, replace, expected },
 * where `expected` is the old file with only this hunk applied. Files without a final newline are left out.
 */
export function hunksOf(file) {
  if (!file.before.endsWith('\n') || !file.after.endsWith('\n')) return [];
  const old = toLines(file.before);
  const { hunks } = structuredPatch(file.path, file.path, file.before, file.after, '', '', { context: 3 });
  return hunks.map((h) => {
    const ops = h.lines.map((l) => ({ op: l[0], text: l.slice(1) }));
    const search = ops.filter((o) => o.op !== '+').map((o) => o.text);
    const replace = ops.filter((o) => o.op !== '-').map((o) => o.text);
    // structuredPatch counts an empty old range from the line before it.
    const start = h.oldLines === 0 ? h.oldStart : h.oldStart - 1;
    const expected = fromLines([...old.slice(0, start), ...replace, ...old.slice(start + search.length)]);
    return { ops, start, search, replace, expected, oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines };
  });
}

/** A SEARCH/REPLACE block for `path` (no path line when path is null). */
export function searchReplace(path, search, replace) {
  const head = path === null ? '' : `${path}\n`;
  return `${head}<<<<<<< SEARCH\n${fromLines(search)}=======\n${fromLines(replace)}>>>>>>> REPLACE\n`;
}

/** A hunk body: each op's marker and text. */
export const hunkBody = (ops) => ops.map((o) => `${o.op}${o.text}\n`).join('');

/** A fenced unified diff of one file: headers, then each hunk with its @@ line. */
export function unifiedDiff(path, hunks) {
  const body = hunks.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@\n${hunkBody(h.ops)}`).join('');
  return `\`\`\`diff\n--- a/${path}\n+++ b/${path}\n${body}\`\`\`\n`;
}
