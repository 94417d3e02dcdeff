import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { scrub } from './scrub.js';

/**
 * Writes (or appends) one of tandem's own files, its state or its outputs, with every secret replaced:
 * plans, ledgers, reports, summaries, `$GITHUB_STEP_SUMMARY`, `$GITHUB_OUTPUT`. Creates the folder.
 */
export async function writeRedacted(path: string, text: string, options: { append?: boolean; flag?: string } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const clean = scrub(text);
  await (options.append ? appendFile(path, clean) : writeFile(path, clean, options.flag ? { flag: options.flag } : undefined));
}
