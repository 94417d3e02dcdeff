/** How a line of a unified diff is drawn. */
export type DiffLineKind = 'file' | 'hunk' | 'added' | 'removed' | 'context';

/** Classifies each line of a unified diff for colouring; the +/- markers stay in the text, so it reads without colour too. */
export function diffLines(diff: string): Array<{ kind: DiffLineKind; text: string }> {
  const lines = diff.replace(/\n$/, '').split('\n');
  return lines.map((text) => {
    if (text.startsWith('+++ ') || text.startsWith('--- ') || text.startsWith('diff --git')) return { kind: 'file', text };
    if (text.startsWith('@@')) return { kind: 'hunk', text };
    if (text.startsWith('+')) return { kind: 'added', text };
    if (text.startsWith('-')) return { kind: 'removed', text };
    return { kind: 'context', text };
  });
}

/** The first line to show after a scroll key, kept within the diff. */
export function scrollTo(offset: number, delta: number, total: number, height: number): number {
  return Math.min(Math.max(offset + delta, 0), Math.max(total - height, 0));
}
