import type { ContextFile } from '../disclosure/read-files.js';
import type { ModelClient, ModelRequest } from '../gateway/types.js';
import { fillTemplate, loadPrompt } from '../prompts.js';
import type { Summarize } from './disclose.js';
import type { PrivacyGuard } from './guard.js';

// A summary longer than this is cut: it is meant to be short, and a model that pasted the file must not ship it.
const MAX_SUMMARY_CHARS = 1_500;

/** The request asking a local model for a file's summary (prompts/summarize.md). */
export async function buildSummaryMessages(file: ContextFile): Promise<ModelRequest['messages']> {
  const longestFence = Math.max(2, ...(file.content.match(/`{3,}/g) ?? []).map((f) => f.length));
  const fence = '`'.repeat(longestFence + 1);
  const content = file.content.endsWith('\n') ? file.content.slice(0, -1) : file.content;
  return [{ role: 'user', content: fillTemplate(await loadPrompt('summarize.md'), { path: file.path, fence, content }).trim() }];
}

/** Cuts a model's summary to its plain text: no code fences, no thinking, at most MAX_SUMMARY_CHARS. */
export function cleanSummary(text: string): string {
  const plain = text
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .replace(/`{3,}[\s\S]*?(`{3,}|$)/g, '')
    .trim();
  return plain.length > MAX_SUMMARY_CHARS ? `${plain.slice(0, MAX_SUMMARY_CHARS - 1)}…` : plain;
}

/**
 * Summaries written by the local editor model for `local-summary` privacy: the file goes to the local
 * model (through the guard, so it is on the ledger), and only the cleaned summary is returned.
 */
export function localSummarizer(input: { guard: PrivacyGuard; client: ModelClient; meta: ModelRequest['meta']; signal?: AbortSignal }): Summarize {
  return async (file) => {
    const messages = await buildSummaryMessages(file);
    const result = await input.guard.complete(
      input.client,
      { messages, maxTokens: 400, temperature: 0, meta: input.meta, signal: input.signal },
      { files: [{ path: file.path, form: 'content', text: file.content }] },
    );
    return cleanSummary(result.text) || '(the local model gave no summary)';
  };
}
