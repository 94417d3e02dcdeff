import { readFileSync } from 'node:fs';

/** The package's prompts/ folder, the same from src/editor and from dist/editor. */
const PROMPTS = new URL('../../prompts/', import.meta.url);
const cache = new Map<string, string>();

/** A prompt template from prompts/, read once; synchronous so prompt assembly stays a plain function. */
export function loadTemplate(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, PROMPTS), 'utf8');
    cache.set(name, text);
  }
  return text;
}
