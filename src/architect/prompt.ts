import type { PrivacyLevel } from '../config/types.js';
import type { Withheld } from '../disclosure/read-files.js';
import type { RepoMap } from '../context/repo-map.js';
import type { ChatMessage } from '../gateway/types.js';
import type { DisclosedFile } from '../privacy/disclose.js';
import { fillTemplate, loadPrompt } from '../prompts.js';
import { formatInt as n } from '../report/format.js';
import type { RulesFile } from '../rules/find-rules.js';
import { renderRules } from '../rules/render.js';

const FORM_LABEL: Record<DisclosedFile['form'], string> = {
  content: '',
  outline: ' (outline: signatures only)',
  summary: ' (summary written by a local model)',
};

const FORM_NOTE: Record<PrivacyLevel, string> = {
  standard: '',
  outline: ', as outlines (signatures only: under this privacy level no file content leaves the machine)',
  'local-summary': ', as summaries written by a local model (under this privacy level no file content leaves the machine)',
};

/** Renders files for a prompt, each under its path: content in a fence longer than any inside it, outlines and summaries as text. */
export function renderFiles(files: readonly DisclosedFile[]): string {
  return files
    .map((file) => {
      const text = file.text.endsWith('\n') ? file.text : `${file.text}\n`;
      const fence = '`'.repeat(Math.max(3, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length + 1)));
      const body = file.form === 'content' ? `${fence}\n${text}${fence}\n` : text;
      return `\n--- ${file.path}${FORM_LABEL[file.form]}\n${body}`;
    })
    .join('');
}

function renderWithheld(withheld: readonly Withheld[]): string {
  if (withheld.length === 0) return '';
  return `\nNot sent:\n${withheld.map((w) => `- ${w.path}: ${w.reason}`).join('\n')}\n`;
}

/** The one-line account of the repository view: how many files, how many withheld, outlined, listed, left out. */
export function describeRepoMap(map: Pick<RepoMap, 'total' | 'withheld' | 'outlined' | 'listed' | 'omitted'>): string {
  const parts = [`${n(map.total)} files`];
  if (map.withheld > 0) parts.push(`${n(map.withheld)} withheld by privacy rules`);
  if (map.listed > 0 || map.omitted > 0) {
    parts.push(`outlines of the ${n(map.outlined.length)} most relevant`);
    if (map.listed > 0) parts.push(`paths of ${n(map.listed)} more`);
    if (map.omitted > 0) parts.push(`${n(map.omitted)} not listed for the context budget`);
  }
  return parts.join('; ');
}

/**
 * The architect's first request, stable prefix first so a gateway's prompt cache can serve it again:
 * the system prompt and the project's rules, then the repository view (its message marks the end of
 * the cacheable prefix), and only then what is particular to this request: the files named for the
 * task and the task itself. need_files, repair and fix-up rounds repeat the prefix unchanged.
 */
export async function buildArchitectMessages(input: {
  task: string;
  privacy: PrivacyLevel;
  map: Pick<RepoMap, 'text' | 'total' | 'withheld' | 'outlined' | 'listed' | 'omitted'>;
  files: readonly DisclosedFile[];
  withheld: readonly Withheld[];
  /** Project rules (AGENTS.md and the like), sent whole as part of the stable prefix. */
  rules?: readonly RulesFile[];
}): Promise<ChatMessage[]> {
  const [system, needFiles, repo, user] = await Promise.all([
    loadPrompt('architect.md'),
    loadPrompt(`architect-need-${input.privacy}.md`),
    loadPrompt('architect-repo.md'),
    loadPrompt('architect-task.md'),
  ]);
  const named = input.files.length > 0 || input.withheld.length > 0;
  const files = named ? `Files named for this task:\n${renderFiles(input.files)}${renderWithheld(input.withheld)}\n` : '';
  // Project rules: after the fixed instructions and before the repository view, so they stay in the cached prefix.
  const rules = renderRules(input.rules ?? [], "The project's own rules for changes (its AGENTS.md and the like). Follow them, and carry what the editor needs into each step's instructions:");
  return [
    { role: 'system', content: fillTemplate(system, { needFiles: needFiles.trim() }).trim() + (rules ? `\n\n${rules}` : '') },
    { role: 'user', content: fillTemplate(repo, { repoSummary: describeRepoMap(input.map), repoView: input.map.text || '(no files)' }).trimEnd(), cacheBreak: true },
    { role: 'user', content: fillTemplate(user, { task: input.task, files }).trimEnd() },
  ];
}

/** The follow-up after a need_files answer. */
export async function buildNeedFilesMessage(privacy: PrivacyLevel, files: readonly DisclosedFile[], withheld: readonly Withheld[]): Promise<ChatMessage> {
  const template = await loadPrompt('need-files.md');
  return { role: 'user', content: fillTemplate(template, { formNote: FORM_NOTE[privacy], files: renderFiles(files), withheld: renderWithheld(withheld) }).trim() };
}

/** The one repair request after an unusable plan. */
export async function buildRepairMessage(error: string): Promise<ChatMessage> {
  const template = await loadPrompt('plan-repair.md');
  return { role: 'user', content: fillTemplate(template, { error }).trim() };
}
