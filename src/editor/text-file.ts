/** A file as lines with their own line endings, so that untouched lines keep theirs (CRLF, LF, none at the end). */
export interface TextFile {
  bom: boolean;
  lines: string[];
  eols: string[];
  /** The ending given to new lines: the file's dominant one. */
  eol: '\n' | '\r\n';
}

/** Split content into lines, remembering the BOM and each line's ending. */
export function parseTextFile(content: string): TextFile {
  const bom = content.startsWith('\uFEFF');
  const text = bom ? content.slice(1) : content;
  const lines: string[] = [];
  const eols: string[] = [];
  let crlf = 0;
  let lf = 0;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      lines.push(text.slice(pos));
      eols.push('');
      break;
    }
    const isCrlf = nl > pos && text[nl - 1] === '\r';
    lines.push(text.slice(pos, isCrlf ? nl - 1 : nl));
    eols.push(isCrlf ? '\r\n' : '\n');
    if (isCrlf) crlf++;
    else lf++;
    pos = nl + 1;
  }
  return { bom, lines, eols, eol: crlf > lf ? '\r\n' : '\n' };
}

/** A new file made of model-written lines: LF endings and a final newline. */
export function newTextFile(lines: string[]): TextFile {
  return { bom: false, lines: [...lines], eols: lines.map(() => '\n'), eol: '\n' };
}

/** The content of a file, byte for byte as its lines and endings say. */
export function serializeTextFile(file: TextFile): string {
  let out = file.bom ? '\uFEFF' : '';
  for (let i = 0; i < file.lines.length; i++) out += file.lines[i] + file.eols[i];
  return out;
}

/**
 * Replace lines [start, end) with `replacement`. New lines take the dominant ending; the last
 * replaced line's ending carries over so a missing final newline stays missing.
 */
export function spliceLines(file: TextFile, start: number, end: number, replacement: string[]): TextFile {
  const lines = [...file.lines];
  const eols = [...file.eols];
  const atEnd = end === lines.length;
  const lastEol = end > start ? eols[end - 1] : file.eol;
  const newEols: string[] = replacement.map(() => file.eol);
  if (replacement.length > 0) newEols[newEols.length - 1] = lastEol;
  if (end === start && atEnd && start > 0 && eols[start - 1] === '' && replacement.length > 0) {
    // Appending after a last line without a newline: that line gets one, the new last line goes without.
    eols[start - 1] = file.eol;
    newEols[newEols.length - 1] = '';
  }
  lines.splice(start, end - start, ...replacement);
  eols.splice(start, end - start, ...newEols);
  if (replacement.length === 0 && atEnd && start > 0) eols[start - 1] = lastEol;
  return { ...file, lines, eols };
}

/** Split model text (already LF) into lines; a trailing newline ends the last line rather than adding an empty one. */
export function textToLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Join lines back into model text, one newline after each. */
export function linesToText(lines: string[]): string {
  return lines.map((l) => l + '\n').join('');
}
