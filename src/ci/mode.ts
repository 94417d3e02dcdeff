import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { usageError } from '../errors.js';

/** True when the environment says a CI system runs us (`CI=true`, as GitHub Actions, GitLab CI and most others set). */
export function isCiEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value === 'true' || value === '1';
}

/** The task: the words given, or the contents of `--task-file` (relative to `cwd`); exactly one of them, never empty. */
export async function resolveTask(words: string[], taskFile: string | undefined, cwd: string): Promise<string> {
  const given = words.join(' ').trim();
  if (taskFile === undefined) {
    if (given === '') throw usageError('no task given', 'give the task as words (tandem run "rename x to y") or in a file with --task-file <path>');
    return given;
  }
  if (given !== '') throw usageError('the task is given twice: as words and with --task-file', 'use one of them');
  const path = resolve(cwd, taskFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`cannot read the task file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (text.trim() === '') throw usageError(`the task file ${path} is empty`);
  return text.trim();
}
