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
export function nextStepsText(report: RunReport, base: RunBase, width?: number): string {
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
  // A note that would make its line wider than the terminal goes on a line of its own under the command.
  const lines = rows.map(([what, command, note]) => {
    const head = `  ${what.padEnd(9)}${command}`;
    const line = `${head}${note ? `   (${note})` : ''}`;
    return width === undefined || [...line].length <= width || !note ? line : `${head}\n${' '.repeat(11)}(${note})`;
  });
  return ['Next:', ...lines].join('\n');
}
