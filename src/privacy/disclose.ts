import type { PrivacyLevel } from '../config/types.js';
import { fileFacts } from '../context/file-facts.js';
import { formFor, type DisclosedForm } from '../disclosure/policy.js';
import { readContextFiles, type ContextFile, type Withheld } from '../disclosure/read-files.js';
import { contextTokenCounter } from '../context/tokens.js';

/** A file as the architect gets it under the privacy level: whole, as an outline, or as a local summary. */
export interface DisclosedFile {
  path: string;
  form: DisclosedForm;
  text: string;
}

/** Writes a short summary of a file with a local model. */
export type Summarize = (file: ContextFile) => Promise<string>;

// A file asked for by name gets far more of its outline than the repository view shows.
const FULL_OUTLINE_LINES = 400;

/** A file's outline as sent in place of its content: signatures only, never a body. */
export async function outlineText(file: ContextFile): Promise<string> {
  const lines = (await fileFacts(file.path, file.content)).outline;
  const total = file.content.split('\n').length;
  if (lines.length === 0) return `(no declarations found; ${total} lines)`;
  const more = lines.length > FULL_OUTLINE_LINES ? [`… ${lines.length - FULL_OUTLINE_LINES} more`] : [];
  return [...lines.slice(0, FULL_OUTLINE_LINES), ...more].join('\n');
}

/**
 * The files the architect asked for (or the user named), as the privacy level allows: `standard`
 * sends their content, `outline` their outlines, `local-summary` summaries written by the local
 * model. Withheld files (secret files, ignored files) are never read for a model; files that would
 * take the total over `budget` tokens are left out, and both come back with the reason. `tokens` is what
 * the disclosed files count.
 */
export async function discloseFiles(input: {
  root: string;
  paths: readonly string[];
  privacy: PrivacyLevel;
  budget: number;
  summarize?: Summarize;
}): Promise<{ files: DisclosedFile[]; withheld: Withheld[]; tokens: number }> {
  const read = await readContextFiles(input.root, input.paths);
  const withheld = [...read.withheld];
  const files: DisclosedFile[] = [];
  const count = contextTokenCounter();
  let used = 0;
  for (const file of read.files) {
    const disclosed = await disclose(file, input.privacy, input.summarize);
    const tokens = count(disclosed.text);
    if (used + tokens > input.budget) {
      withheld.push({ path: file.path, reason: `over the context budget (${input.budget} tokens)` });
      continue;
    }
    used += tokens;
    files.push(disclosed);
  }
  return { files, withheld, tokens: used };
}

// readContextFiles has already left out what the rules withhold; the policy gives the form of the rest.
async function disclose(file: ContextFile, privacy: PrivacyLevel, summarize: Summarize | undefined): Promise<DisclosedFile> {
  const form = formFor(privacy, 'architect');
  if (form === 'content') return { path: file.path, form, text: file.content };
  if (form === 'outline') return { path: file.path, form, text: await outlineText(file) };
  if (!summarize) throw new Error('privacy local-summary needs a summarizer');
  return { path: file.path, form: 'summary', text: await summarize(file) };
}
