import type { ContextFile, Withheld } from '../context/repo-files.js';
import type { ChatMessage } from '../gateway/types.js';
import { fillTemplate, loadPrompt } from '../prompts.js';

/** Renders files for a prompt, each in a fence labelled with its path. */
export function renderFiles(files: ContextFile[]): string {
  return files.map((file) => `\n--- ${file.path}\n\`\`\`\n${file.content}${file.content.endsWith('\n') ? '' : '\n'}\`\`\`\n`).join('');
}

function renderWithheld(withheld: Withheld[]): string {
  if (withheld.length === 0) return '';
  return `\nNot sent:\n${withheld.map((w) => `- ${w.path}: ${w.reason}`).join('\n')}\n`;
}

/** The architect's first request: the task, the repository's file list and the files named with --file. */
export async function buildArchitectMessages(input: { task: string; fileList: string[]; files: ContextFile[]; withheld: Withheld[] }): Promise<ChatMessage[]> {
  const [system, user] = await Promise.all([loadPrompt('architect.md'), loadPrompt('architect-task.md')]);
  const files = input.files.length > 0 || input.withheld.length > 0 ? `\nFiles named for this task:\n${renderFiles(input.files)}${renderWithheld(input.withheld)}` : '';
  return [
    { role: 'system', content: system.trim() },
    {
      role: 'user',
      content: fillTemplate(user, {
        task: input.task,
        fileCount: String(input.fileList.length),
        fileList: input.fileList.join('\n'),
        files,
      }).trimEnd(),
    },
  ];
}

/** The follow-up after a need_files answer. */
export async function buildNeedFilesMessage(files: ContextFile[], withheld: Withheld[]): Promise<ChatMessage> {
  const template = await loadPrompt('need-files.md');
  return { role: 'user', content: fillTemplate(template, { files: renderFiles(files), withheld: renderWithheld(withheld) }).trim() };
}

/** The one repair request after an unusable plan. */
export async function buildRepairMessage(error: string): Promise<ChatMessage> {
  const template = await loadPrompt('plan-repair.md');
  return { role: 'user', content: fillTemplate(template, { error }).trim() };
}
