import { EditFormatError } from './errors.js';
import { closesFence, FENCE_OPEN, nameBefore, parseFenceInfo, type NameCheck, type SourcedBlock } from './parse-common.js';
import { linesToText } from './text-file.js';

type WholeBlock = Extract<SourcedBlock, { kind: 'whole' }>;

const SHELL_LANGS = new Set(['bash', 'sh', 'shell', 'console', 'terminal', 'zsh', 'powershell', 'cmd']);

interface Fence {
  line: number;
  lang?: string;
  path?: string;
  content: string[];
}

/** Closed fenced code blocks of the answer; an unclosed one means the answer was cut off. */
function fences(lines: string[], names?: NameCheck): { closed: Fence[]; unclosed: boolean } {
  const closed: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i]);
    if (!open) continue;
    const info = parseFenceInfo(open[3]);
    let j = i + 1;
    while (j < lines.length && !closesFence(lines[j], open[2], open[1].length)) j++;
    if (j >= lines.length) return { closed, unclosed: true };
    const path = info.path ?? nameBefore(lines, i, 0, names);
    closed.push({ line: i + 1, lang: info.lang, path, content: lines.slice(i + 1, j) });
    i = j;
  }
  return { closed, unclosed: false };
}

/**
 * Whole-file blocks: every fence labelled with a path, or else the one fence of the answer
 * (shell snippets aside). Several unlabelled fences are refused: guessing which one is the file
 * could replace it with an example.
 */
export function parseWhole(lines: string[], names?: NameCheck): WholeBlock[] {
  const { closed, unclosed } = fences(lines, names);
  const labelled = closed.filter((f) => f.path !== undefined);
  let chosen = labelled;
  if (chosen.length === 0) {
    chosen = closed.length > 1 ? closed.filter((f) => !SHELL_LANGS.has(f.lang ?? '')) : closed;
    if (chosen.length > 1) {
      throw new EditFormatError(
        `the answer has ${chosen.length} code blocks and none names its file`,
        `Your answer has ${chosen.length} code blocks and I cannot tell which one is the file. Send the complete file in exactly one fenced code block, and nothing else in code blocks.`,
      );
    }
  }
  if (chosen.length === 0 && unclosed) {
    throw new EditFormatError(
      'the code block is not closed (answer cut off?)',
      'Your code block was not closed with ``` (the answer may have been cut off). Send the complete file again in one fenced code block.',
    );
  }
  return chosen.map((f) => ({ kind: 'whole', path: f.path, content: linesToText(f.content), line: f.line, lang: f.lang }));
}
