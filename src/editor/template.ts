import { readFileSync } from 'node:fs';
import { TandemError } from '../errors.js';

/** The package's prompts/ folder, the same from src/editor and from dist/editor. */
const PROMPTS = new URL('../../prompts/', import.meta.url);
const cache = new Map<string, string>();

/** A prompt template from prompts/, read once. */
export function loadTemplate(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, PROMPTS), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Fill `{{name}}` placeholders; a placeholder without a value is a bug in tandem, so it throws. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new TandemError(`prompt template placeholder {{${key}}} has no value`);
    return value;
  });
}
