import { EditFormatError } from './errors.js';
import { FENCE_OPEN, nameBefore, parseFenceInfo, pathFromLine, previousNonBlank, type NameCheck, type SourcedBlock } from './parse-common.js';
import { linesToText } from './text-file.js';

const START = /^\s*<{5,9}\s*(SEARCH|ORIGINAL)\s*:?\s*$/i;
const DIVIDER = /^\s*={5,9}\s*$/;
const END = /^\s*>{5,9}\s*(REPLACE|UPDATED)?\s*$/i;

/** The path written just before a block: a path line, or a fence whose info or preceding line names one. */
function pathBefore(lines: string[], index: number, floor: number, names?: NameCheck): { path?: string; lang?: string } {
  const k = previousNonBlank(lines, index, floor);
  if (k < 0) return {};
  const fence = FENCE_OPEN.exec(lines[k]);
  if (fence) {
    const info = parseFenceInfo(fence[3]);
    if (info.path) return info;
    return { lang: info.lang, path: nameBefore(lines, k, floor, names) };
  }
  return { path: pathFromLine(lines[k], names) };
}

/**
 * True when a second ======= closes the REPLACE part: the next non-blank line closes the fence or
 * starts the next block (directly, or after its path line or fence). Anything else stays unreadable.
 */
function endsReplace(lines: string[], k: number, names?: NameCheck): boolean {
  const next = lines.findIndex((l, i) => i > k && l.trim() !== '');
  if (next < 0) return false;
  if (/^\s*(`{3,}|~{3,}|<\/source>)\s*$/.test(lines[next]) || START.test(lines[next])) return true;
  if (pathFromLine(lines[next], names) === undefined && !FENCE_OPEN.exec(lines[next])?.[3]) return false;
  const after = lines.findIndex((l, i) => i > next && l.trim() !== '');
  if (after < 0) return false;
  return START.test(lines[after]) || (FENCE_OPEN.test(lines[after]) && START.test(lines.find((l, i) => i > after && l.trim() !== '') ?? ''));
}

/**
 * Every SEARCH/REPLACE block in the answer, with the answer line spans they cover.
 * A block cut short (no divider or no closing marker) makes the whole answer unreadable: applying
 * half a block is how wrong edits happen. A second ======= in place of >>>>>>> REPLACE is read as
 * the end only where nothing else can follow (see endsReplace). `names`: see pathFromLine.
 */
export function parseSearchReplace(lines: string[], names?: NameCheck): { blocks: SourcedBlock[]; spans: Array<[number, number]> } {
  const blocks: SourcedBlock[] = [];
  const spans: Array<[number, number]> = [];
  let floor = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!START.test(lines[i])) continue;
    const number = blocks.length + 1;
    const { path } = pathBefore(lines, i, floor, names);
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
    const slip = k < lines.length && DIVIDER.test(lines[k]) && endsReplace(lines, k, names);
    if (!slip && (k >= lines.length || !END.test(lines[k]))) {
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
