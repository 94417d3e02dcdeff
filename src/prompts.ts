import { readFile } from 'node:fs/promises';

// src/prompts.ts and dist/prompts.js both sit one level below the package root.
const PROMPTS_DIR = new URL('../prompts/', import.meta.url);
const cache = new Map<string, string>();

/** Loads a prompt template from the package's prompts/ folder (read at run time, cached). */
export async function loadPrompt(name: string): Promise<string> {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const text = await readFile(new URL(name, PROMPTS_DIR), 'utf8');
  cache.set(name, text);
  return text;
}

/** Fills `{{name}}` placeholders; a placeholder with no value is an error, so a prompt never ships half-filled. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt template needs a value for {{${key}}}`);
    return value;
  });
}
