import type { RulesFile } from './find-rules.js';

/** A fence longer than any inside the text, so rules holding code blocks cannot close it early. */
function fenceFor(text: string): string {
  const longest = (text.match(/`{3,}/g) ?? []).reduce((n, run) => Math.max(n, run.length), 0);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Rules files for a prompt, each under its path in its own fence, highest precedence first. */
export function renderRules(files: readonly RulesFile[], intro: string): string {
  if (files.length === 0) return '';
  const body = files
    .map((file) => {
      const text = file.text.endsWith('\n') ? file.text : `${file.text}\n`;
      const fence = fenceFor(text);
      return `--- ${file.path}\n${fence}markdown\n${text}${fence}`;
    })
    .join('\n\n');
  return `${intro}\n\n${body}`;
}
