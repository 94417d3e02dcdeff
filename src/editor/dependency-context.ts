import { outlineFile } from '../context/outline/outline.js';

/** What a step this one depends on committed: its diff, and the file's content after it (null: deleted). */
export interface DependencyChange {
  stepNumber: number;
  title: string;
  file: string;
  diff: string;
  after: string | null;
}

/** How much of the dependencies to show: each diff (signatures when long), signatures only, or nothing. */
export type ContextDetail = 'full' | 'brief' | 'none';

/** A diff longer than this many lines is shown as the signatures it added or changed. */
export const LONG_DIFF_LINES = 80;

/** The outline entries (signatures) of the file after the change that the diff added or changed. */
export function changedSignatures(change: DependencyChange): string[] {
  if (change.after === null) return [];
  const added = change.diff
    .split('\n')
    .filter((l) => l.startsWith('+') && !l.startsWith('+++'))
    .map((l) => l.slice(1).trim())
    .filter((l) => l !== '');
  return outlineFile(change.file, change.after).filter((entry) => {
    const head = entry.trim().slice(0, 60);
    return added.some((line) => line.includes(head) || (line.length >= 12 && head.startsWith(line)));
  });
}

/** The diff's body from its first hunk: the file headers say nothing the label does not. */
function hunks(diff: string): string {
  const at = diff.search(/^@@/m);
  return (at < 0 ? diff : diff.slice(at)).trimEnd();
}

function fenceFor(text: string): string {
  const longest = (text.match(/`{3,}/g) ?? []).reduce((n, r) => Math.max(n, r.length), 0);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** True when the change is shown as its diff at this detail; else as its signatures. */
export function showsDiff(change: DependencyChange, detail: ContextDetail): boolean {
  return detail === 'full' && change.after !== null && hunks(change.diff).split('\n').length <= LONG_DIFF_LINES;
}

function renderOne(change: DependencyChange, detail: 'full' | 'brief'): string {
  const label = `Step ${change.stepNumber}: ${change.title} (${change.file})`;
  if (change.after === null) return `${label} deleted ${change.file}.`;
  const body = hunks(change.diff);
  if (showsDiff(change, detail)) {
    const fence = fenceFor(body);
    return `${label}, its diff:\n${fence}diff\n${body}\n${fence}`;
  }
  const signatures = changedSignatures(change);
  if (signatures.length === 0) return `${label} changed ${change.file} (its diff is too long to show and adds no declarations).`;
  const fence = fenceFor(signatures.join('\n'));
  return `${label}, the declarations it added or changed in ${change.file}:\n${fence}\n${signatures.join('\n')}\n${fence}`;
}

/**
 * The section of the editor prompt that shows what the steps this one depends on committed. It is
 * context: labelled as already applied, never something to edit (a change to `target`, the file
 * this step edits, is already in the content shown). Empty when there is nothing to show.
 */
export function renderDependencies(changes: DependencyChange[], detail: ContextDetail, target?: string): string {
  if (detail === 'none' || changes.length === 0) return '';
  const files = [...new Set(changes.map((c) => c.file))];
  const others = files.filter((f) => f !== target);
  const same = others.length < files.length ? ` The changes to ${target} are already in its content shown further down.` : '';
  const keep = others.length === 0 ? 'Do not repeat these changes' : `Do not edit ${others.length === files.length ? 'those files' : others.join(', ')} or repeat these changes`;
  return [
    `Context, already applied: the steps this step depends on changed ${files.join(', ')} as below.${same} ${keep}; only use what they added (names, signatures, exports).`,
    ...changes.map((c) => renderOne(c, detail)),
  ].join('\n\n');
}
