import { cutHead } from './signature.js';

const DECLARATION = /^\s*(?:(?:export|pub|public|private|protected|static|async|local|abstract|final)\s+)*(?:def|defp|defmodule|fn|func|function|fun|class|module|struct|interface|trait|sub|proc|macro|object)\s+[\w.:!?$]+/;

/** Markdown: the headings, down to level four. */
export function outlineMarkdown(text: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,4}\s+\S/.test(line)) out.push(line.trim().slice(0, 120));
  }
  return out;
}

/** JSON: the top-level keys (never values: a config file may hold secrets). */
export function outlineJson(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
    return keysLine(Object.keys(value));
  } catch {
    return [];
  }
}

/** YAML, TOML and INI: top-level keys and section names, never values. */
export function outlineKeys(text: string): string[] {
  const keys: string[] = [];
  for (const line of text.split('\n')) {
    const key = /^([A-Za-z_][\w.-]*)\s*[:=]/.exec(line)?.[1] ?? /^\[+([^\]]+)\]+\s*$/.exec(line)?.[1];
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keysLine(keys);
}

/** Any other language: lines that declare something (def, fn, func, function, class, module...), cut before a body. */
export function outlineDeclarations(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let n = 0; n < lines.length; n++) {
    if (!DECLARATION.test(lines[n])) continue;
    const indent = /^\s*/.exec(lines[n])?.[0].length ?? 0;
    // Without a parser, a nested declaration may sit in a body: only the first line of each is kept.
    const cutAtDo = lines[n].replace(/\s(?:do|then)(?!\w).*$/, (m) => `{${' '.repeat(m.length - 1)}`);
    const { head } = cutHead([lines[n]], [cutAtDo], 0, { atEquals: true });
    out.push(`${'  '.repeat(Math.min(3, Math.floor(indent / 2)))}${head}`);
  }
  return out;
}

function keysLine(keys: string[]): string[] {
  if (keys.length === 0) return [];
  const line = `keys: ${keys.join(', ')}`;
  return [line.length > 160 ? `${line.slice(0, 159)}…` : line];
}
