import type { DiffHunk, ParsedBlock } from './types.js';

/** A hunk line; `unmarked` when the model left out its marker (read as context unless the file says otherwise). */
export type HunkLine = DiffHunk['lines'][number] & { unmarked?: true };

/** A parsed block with where it came from: its line in the answer and the fence's language, if any. */
export type SourcedBlock = ParsedBlock & { line: number; lang?: string };

/** A fence opening line: indentation, marker, info string. aider's `<source>python` opens one too. */
export const FENCE_OPEN = /^(\s*)(`{3,}|~{3,}|<source>)\s*([^`]*?)\s*$/;

/** Whether a bare name with neither extension nor directory (`Makefile`, `LICENSE`) is a file the answer may mean. */
export type NameCheck = (name: string) => boolean;

/**
 * True when `line` closes a fence opened with `marker` at indentation `indent`: same character, at
 * least as long, nothing after, and not indented deeper than the opener (deeper ones are content,
 * e.g. a diff context line or a fence nested in a markdown file).
 */
export function closesFence(line: string, marker: string, indent = 0): boolean {
  if (marker === '<source>') {
    const close = /^(\s*)<\/source>\s*$/.exec(line);
    return !!close && close[1].length <= indent;
  }
  const m = /^(\s*)(`{3,}|~{3,})\s*$/.exec(line);
  return !!m && m[1].length <= indent && m[2][0] === marker[0] && m[2].length >= marker.length;
}

/** The answer with line endings made LF and reasoning (`<think>` and the like) removed. */
export function normalizeAnswer(answer: string): string {
  let text = answer.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  text = text.replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '');
  const close = /<\/(think|thinking|reasoning)>/gi;
  let last = -1;
  for (let m = close.exec(text); m; m = close.exec(text)) last = m.index + m[0].length;
  if (last >= 0) text = text.slice(last);
  const open = /<(think|thinking|reasoning)>/i.exec(text);
  if (open) text = text.slice(0, open.index);
  return text;
}

const PATH_TOKEN = /^[\w@.+~\-/\\[\]()]+$/;

/** True when a bare token looks like a file path: has a directory part or an extension. */
function isPathLike(token: string): boolean {
  if (!PATH_TOKEN.test(token) || !/[A-Za-z]/.test(token) || token.endsWith('.')) return false;
  return token.includes('/') || token.includes('\\') || /\.[A-Za-z0-9_-]{1,12}$/.test(token);
}

/**
 * The path a line names when the whole line is a path (with markdown decoration or a "File:" label),
 * else undefined. A bare name counts only when `names` knows it as a file.
 */
export function pathFromLine(line: string, names?: NameCheck): string | undefined {
  let t = line.trim();
  t = t.replace(/^#{1,6}\s+/, '').replace(/^[-*]\s+/, '');
  t = t.replace(/^(\*\*|__)(.*)\1:?$/, '$2').trim();
  t = t.replace(/^(file ?(name|path)?|path)\s*:\s*/i, '');
  t = t.replace(/:$/, '').replace(/^(\*\*|__)(.*)\1$/, '$2');
  t = t.replace(/^[`'"](.*)[`'"]$/, '$1').replace(/:$/, '').trim();
  if (isPathLike(t)) return t;
  return names && /^[A-Za-z][\w@.+~-]*$/.test(t) && names(t) ? t : undefined;
}

/** True for a line that is only a fence marker (no info string). */
function isBareFence(line: string): boolean {
  return /^\s*(`{3,}|~{3,}|<\/source>)\s*$/.test(line);
}

/**
 * The path named just before line `index` (not looking above `floor`): a path line, or a name held
 * alone in a fence of its own (```, foo.txt, ```: DeepSeek-Coder writes the name so, then the block).
 */
export function nameBefore(lines: string[], index: number, floor: number, names?: NameCheck): string | undefined {
  const p = previousNonBlank(lines, index, floor);
  if (p < 0) return undefined;
  const direct = pathFromLine(lines[p], names);
  if (direct !== undefined || !isBareFence(lines[p]) || p - 2 < floor) return direct;
  const open = FENCE_OPEN.exec(lines[p - 2]);
  if (!open || !closesFence(lines[p], open[2], open[1].length) || parseFenceInfo(open[3]).path) return undefined;
  return pathFromLine(lines[p - 1], names);
}

/** Language and path from a fence's info string: "ts", "ts src/a.ts", "src/a.ts", "ts:src/a.ts", `ts title="a.ts"`. */
export function parseFenceInfo(info: string): { lang?: string; path?: string } {
  const out: { lang?: string; path?: string } = {};
  for (const raw of info.split(/\s+/).filter(Boolean)) {
    const kv = /^(path|file|filename|title)=["']?([^"']+)["']?$/i.exec(raw);
    if (kv) {
      out.path ??= kv[2];
      continue;
    }
    const colon = /^([A-Za-z0-9_+-]+):(.+)$/.exec(raw);
    if (colon && isPathLike(colon[2])) {
      out.lang ??= colon[1].toLowerCase();
      out.path ??= colon[2];
    } else if (isPathLike(raw)) out.path ??= raw;
    else if (out.lang === undefined && /^[A-Za-z0-9_+#-]+$/.test(raw)) out.lang = raw.toLowerCase();
  }
  return out;
}

/** Index of the nearest non-blank line before `index` (not before `floor`), or -1. */
export function previousNonBlank(lines: string[], index: number, floor: number): number {
  for (let k = index - 1; k >= floor; k--) if (lines[k].trim() !== '') return k;
  return -1;
}
