import { readFileSync } from 'node:fs';
import { packageUrl } from './package-root.js';

const PROMPTS_DIR = packageUrl('prompts/');
const cache = new Map<string, string>();

/** A prompt template from the package's prompts/ folder, read once; synchronous so prompt assembly can stay a plain function. */
export function loadTemplate(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(name, PROMPTS_DIR), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The same template, for async callers. */
export async function loadPrompt(name: string): Promise<string> {
  return loadTemplate(name);
}

/** Fills `{{name}}` placeholders; a placeholder with no value is an error, so a prompt never ships half-filled. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt template needs a value for {{${key}}}`);
    return value;
  });
}
