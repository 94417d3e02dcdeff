import { globMatches } from './glob.js';

/** Rules up to this many characters go to every editor call whole; longer ones only in the parts that apply. */
export const SHORT_RULES_CHARS = 3000;

interface Heading {
  line: number;
  level: number;
  text: string;
}

const LANGUAGES: Record<string, string[]> = {
  typescript: ['ts', 'tsx', 'mts', 'cts'],
  javascript: ['js', 'jsx', 'mjs', 'cjs'],
  python: ['py', 'pyi'],
  go: ['go'],
  rust: ['rs'],
  java: ['java'],
  ruby: ['rb'],
  css: ['css', 'scss'],
  markdown: ['md', 'mdx'],
  docs: ['md', 'mdx'],
  documentation: ['md', 'mdx'],
  shell: ['sh', 'bash'],
};

const TEST_WORDS = new Set(['test', 'tests', 'testing']);

/** Markdown headings outside code fences. */
function headingsOf(lines: string[]): Heading[] {
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (const [i, line] of lines.entries()) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
    if (fence !== null) continue;
    const m = /^(#{1,6})\s+(.*)$/.exec(line);
    if (m) headings.push({ line: i, level: m[1].length, text: m[2].trim() });
  }
  return headings;
}

function isTestFile(path: string): boolean {
  return /(^|\/)(tests?|__tests__|spec)\//.test(path) || /(\.|_)(test|spec)\.[^/]+$/.test(path) || /(^|\/)test_[^/]+$/.test(path);
}

/** True when a heading (or a `globs:`/`applies to:` line under it) names the file: by glob, folder, extension, name or language. */
export function headingApplies(text: string, path: string): boolean {
  const name = path.split('/').pop() ?? path;
  const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  const tokens = text.split(/[\s,;()`'"[\]]+/).filter(Boolean);
  for (const raw of tokens) {
    // Trailing punctuation of prose ("in src/api/.") is not part of a path.
    const token = raw.replace(/[:.!]+$/, '');
    if (token === '') continue;
    const word = token.toLowerCase();
    if (/[*?{]/.test(token) && globMatches(token, path)) return true;
    if (token.includes('/') && (path === token.replace(/^\.\//, '') || path.startsWith(token.replace(/^\.\//, '').replace(/\/?$/, '/')))) return true;
    if (/^\.[a-z0-9]+$/i.test(token) && ext === word.slice(1)) return true;
    if (token === name) return true;
    if (ext && LANGUAGES[word]?.includes(ext)) return true;
    if (TEST_WORDS.has(word) && isTestFile(path)) return true;
  }
  return false;
}

/**
 * The parts of one rules file that apply to `path`: the whole text when short, else the first section
 * plus every section whose heading (or a `globs:` / `applies to:` line right under it) names the file,
 * each with its sub-sections. Empty when nothing but the first section exists and it is empty.
 */
export function rulesFor(text: string, path: string, shortChars = SHORT_RULES_CHARS): string {
  if (text.length <= shortChars) return text;
  const lines = text.split('\n');
  const headings = headingsOf(lines);
  if (headings.length === 0) return text;
  const keep = new Array<boolean>(lines.length).fill(false);
  const mark = (from: number, to: number) => {
    for (let i = from; i < to; i++) keep[i] = true;
  };
  // The first section: the preamble when there is one, else the first heading's own text.
  const preamble = lines.slice(0, headings[0].line).some((l) => l.trim() !== '');
  mark(0, preamble ? headings[0].line : (headings[1]?.line ?? lines.length));
  for (const [i, h] of headings.entries()) {
    const end = headings.slice(i + 1).find((next) => next.level <= h.level)?.line ?? lines.length;
    const below = lines.slice(h.line + 1, h.line + 4).find((l) => /^\s*(globs?|applies to|files)\s*:/i.test(l)) ?? '';
    if (headingApplies(h.text, path) || (below && headingApplies(below.replace(/^[^:]*:/, ''), path))) mark(h.line, end);
  }
  const parts: string[] = [];
  let current: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (keep[i]) current.push(line);
    else if (current.length > 0) {
      parts.push(current.join('\n').trimEnd());
      current = [];
    }
  }
  if (current.length > 0) parts.push(current.join('\n').trimEnd());
  return parts.join('\n\n[…]\n\n');
}
