import type { DiffHunk, ParsedBlock } from './types.js';

/** A hunk line; `unmarked` when the model left out its marker (read as context unless the file says otherwise). */
export type HunkLine = DiffHunk['lines'][number] & { unmarked?: true };

/** A parsed block with where it came from: its line in the answer and the fence's language, if any. */
export type SourcedBlock = ParsedBlock & { line: number; lang?: string };

/** A fence opening line: indentation, marker, info string. */
export const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*([^`]*?)\s*$/;

/**
 * True when `line` closes a fence opened with `marker` at indentation `indent`: same character, at
 * least as long, nothing after, and not indented deeper than the opener (deeper ones are content,
 * e.g. a diff context line or a fence nested in a markdown file).
 */
export function closesFence(line: string, marker: string, indent = 0): boolean {
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

/** The path a line names when the whole line is a path (with markdown decoration or a "File:" label), else undefined. */
export function pathFromLine(line: string): string | undefined {
  let t = line.trim();
  t = t.replace(/^#{1,6}\s+/, '').replace(/^[-*]\s+/, '');
  t = t.replace(/^(\*\*|__)(.*)\1:?$/, '$2').trim();
  t = t.replace(/^(file ?(name|path)?|path)\s*:\s*/i, '');
  t = t.replace(/:$/, '').replace(/^(\*\*|__)(.*)\1$/, '$2');
  t = t.replace(/^[`'"](.*)[`'"]$/, '$1').replace(/:$/, '').trim();
  return isPathLike(t) ? t : undefined;
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
