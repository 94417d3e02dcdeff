import { isBlank } from './indent.js';

function leading(lines: string[]): number {
  let n = 0;
  while (n < lines.length && isBlank(lines[n])) n++;
  return n;
}

function trailing(lines: string[]): number {
  const room = lines.length - leading(lines);
  let n = 0;
  while (n < room && isBlank(lines[lines.length - 1 - n])) n++;
  return n;
}

/**
 * The block without the blank lines at its edges that the model added to its old text. The new
 * text loses as many at each edge (the rest are blank lines it really adds).
 */
export function trimBlankEdges(search: string[], replace: string[]): { search: string[]; replace: string[] } {
  const sl = leading(search);
  const st = trailing(search);
  const rl = Math.min(sl, leading(replace));
  const rt = Math.min(st, trailing(replace.slice(rl)));
  return {
    search: search.slice(sl, search.length - st),
    replace: replace.slice(rl, replace.length - rt),
  };
}

/**
 * When the new text has more blank lines at an edge than the old text, and the file has blank
 * lines right there, the model had left them out of its old text: take them into the window so
 * they are replaced rather than doubled.
 */
export function absorbLostBlanks(
  search: string[],
  replace: string[],
  start: number,
  fileLines: string[],
): { search: string[]; start: number } {
  let before = Math.max(0, leading(replace) - leading(search));
  let after = Math.max(0, trailing(replace) - trailing(search));
  let s = [...search];
  let st = start;
  while (before > 0 && st > 0 && isBlank(fileLines[st - 1])) {
    s = ['', ...s];
    st--;
    before--;
  }
  let end = start + search.length;
  while (after > 0 && end < fileLines.length && isBlank(fileLines[end])) {
    s.push('');
    end++;
    after--;
  }
  return { search: s, start: st };
}
