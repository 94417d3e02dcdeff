import { EditFormatError } from './errors.js';
import { FENCE_OPEN, parseFenceInfo, pathFromLine, previousNonBlank, type SourcedBlock } from './parse-common.js';
import { linesToText } from './text-file.js';

const START = /^\s*<{5,9}\s*(SEARCH|ORIGINAL)\s*:?\s*$/i;
const DIVIDER = /^\s*={5,9}\s*$/;
const END = /^\s*>{5,9}\s*(REPLACE|UPDATED)?\s*$/i;

/** The path written just before a block: a path line, or a fence whose info or preceding line names one. */
function pathBefore(lines: string[], index: number, floor: number): { path?: string; lang?: string } {
  const k = previousNonBlank(lines, index, floor);
  if (k < 0) return {};
  const fence = FENCE_OPEN.exec(lines[k]);
  if (fence) {
    const info = parseFenceInfo(fence[3]);
    if (info.path) return info;
    const p = previousNonBlank(lines, k, floor);
    return { lang: info.lang, path: p >= 0 ? pathFromLine(lines[p]) : undefined };
  }
  return { path: pathFromLine(lines[k]) };
}

/**
 * Every SEARCH/REPLACE block in the answer, with the answer line spans they cover.
 * A block cut short (no divider or no closing marker) makes the whole answer unreadable: applying
 * half a block is how wrong edits happen.
 */
export function parseSearchReplace(lines: string[]): { blocks: SourcedBlock[]; spans: Array<[number, number]> } {
  const blocks: SourcedBlock[] = [];
  const spans: Array<[number, number]> = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!START.test(lines[i])) continue;
    const number = blocks.length + 1;
    const { path } = pathBefore(lines, i, floor);
    let j = i + 1;
    while (j < lines.length && !DIVIDER.test(lines[j])) {
      if (START.test(lines[j]) || END.test(lines[j])) break;
      j++;
    }
    if (j >= lines.length || !DIVIDER.test(lines[j])) {
      throw new EditFormatError(
        `SEARCH/REPLACE block ${number} has no ======= line`,
        `Block ${number} has no "=======" line between its SEARCH and REPLACE parts. Write each block as <<<<<<< SEARCH, the old lines, =======, the new lines, >>>>>>> REPLACE.`,
      );
    }
    let k = j + 1;
    while (k < lines.length && !END.test(lines[k])) {
      if (START.test(lines[k]) || DIVIDER.test(lines[k])) break;
      k++;
    }
    if (k >= lines.length || !END.test(lines[k])) {
      const why = k < lines.length && DIVIDER.test(lines[k]) ? 'has two ======= lines' : 'has no >>>>>>> REPLACE line';
      throw new EditFormatError(
        `SEARCH/REPLACE block ${number} ${why}`,
        `Block ${number} ${why}. End every block with a line ">>>>>>> REPLACE", and use exactly one "=======" line per block.`,
      );
    }
    blocks.push({
      kind: 'search-replace',
      path,
      search: linesToText(lines.slice(i + 1, j)),
      replace: linesToText(lines.slice(j + 1, k)),
      line: i + 1,
    });
    spans.push([i, k]);
    floor = k + 1;
    i = k;
  }
  return { blocks, spans };
}
