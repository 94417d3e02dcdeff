import type { RunReport } from './types.js';

/** Where a run started: the branch checked out before it (or 'HEAD' when detached) and its commit. */
export interface RunBase {
  branch: string;
  head: string | null;
}

/**
 * What to do after a run, as commands to copy: review the diff against the branch the run started
 * from, merge it, go back, or undo. Empty when nothing was committed and no branch was made.
 */
export function nextStepsText(report: RunReport, base: RunBase): string {
  const applied = report.steps.filter((step) => step.status === 'applied').length;
  const branch = report.branch;
  if (!branch) return '';
  const from = base.branch === 'HEAD' ? (base.head?.slice(0, 12) ?? 'HEAD') : base.branch;
  const inPlace = branch === base.branch;
  if (applied === 0) return inPlace ? '' : `Nothing was committed on ${branch}. Go back with: git switch ${from}`;
  const rows: Array<[string, string, string?]> = inPlace
    ? [['review', `git diff ${base.head?.slice(0, 12) ?? 'HEAD'}..HEAD`]]
    : [
        ['review', `git diff ${from}...${branch}`],
        ['merge', `git switch ${from} && git merge ${branch}`],
        ['go back', 'git switch -', `back to ${from}; ${branch} stays as it is`],
      ];
  rows.push(['undo', 'tandem undo', 'shows the commits, asks, then reverts them']);
  const lines = rows.map(([what, command, note]) => `  ${what.padEnd(9)}${command}${note ? `   (${note})` : ''}`);
  return ['Next:', ...lines].join('\n');
}
