import { paint, type Tone } from './color.js';
import { truncate } from './format.js';

/** One column of a plain-text table. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Columns that may be cut to fit a narrow terminal, and which part of their text goes. */
  shrink?: 'end' | 'start' | 'middle';
  /** How narrow a shrinking column may be cut before lower-priority columns are dropped instead (default 8). */
  min?: number;
  /** When the table cannot fit: 0 (the default) is never dropped; columns with a higher number are dropped first. */
  drop?: number;
  /** The colour of a cell on a colour terminal, from its text. */
  tone?: (text: string) => Tone | undefined;
}

/** A row of cells, or a horizontal rule (before a totals row). */
export type Row = string[] | 'rule';

/** Where a table is printed. */
export interface TableOptions {
  /** The terminal's width; undefined is unbounded (piped output keeps every column whole). */
  width?: number;
  /** Colour the cells that have a tone. */
  color?: boolean;
  /** How the reader gets the dropped columns back, named in the note under the table. */
  wideHint?: string;
}

/** A laid-out table and the headers of the columns dropped to fit. */
export interface Laid {
  text: string;
  hidden: string[];
}

const GAP = '  ';
const DEFAULT_MIN = 8;
/** Below its floor a column is cut only when nothing can be dropped any more; never below this. */
const LAST_RESORT = 4;

/**
 * Lays out rows under headers in aligned columns. With a width, shrinkable columns are cut down to their
 * `min`, then columns are dropped by `drop` (highest first) until the table fits, and the room left goes
 * back to the cut columns. Returns the table and what was dropped.
 */
export function layoutColumns(columns: Column[], rows: Row[], options: TableOptions = {}): Laid {
  const cellRows = rows.filter((row): row is string[] => row !== 'rule');
  const natural = columns.map((column, i) => Math.max(length(column.header), ...cellRows.map((row) => length(row[i] ?? ''))));
  const floor = columns.map((column, i) => (column.shrink ? Math.min(natural[i], Math.max(column.min ?? DEFAULT_MIN, length(column.header))) : natural[i]));
  let visible = columns.map((_, i) => i);
  const { width } = options;
  if (width !== undefined) {
    const span = (widths: number[]) => visible.reduce((sum, i) => sum + widths[i], 0) + GAP.length * (visible.length - 1);
    while (span(floor) > width) {
      const droppable = visible.filter((i) => (columns[i].drop ?? 0) > 0);
      if (droppable.length === 0) break;
      const out = droppable.reduce((a, b) => ((columns[b].drop ?? 0) >= (columns[a].drop ?? 0) ? b : a));
      visible = visible.filter((i) => i !== out);
    }
  }
  const widths = [...natural];
  if (width !== undefined) {
    shrink(visible, widths, floor, width, columns);
    shrink(visible, widths, columns.map((c, i) => (c.shrink ? Math.min(natural[i], LAST_RESORT) : natural[i])), width, columns);
  }
  const tableWidth = visible.reduce((sum, i) => sum + widths[i], 0) + GAP.length * (visible.length - 1);
  const line = (cells: string[], header = false) =>
    visible
      .map((i) => {
        const column = columns[i];
        const text = column.shrink ? truncate(cells[i] ?? '', widths[i], column.shrink) : (cells[i] ?? '');
        const pad = ' '.repeat(Math.max(widths[i] - length(text), 0));
        const shown = options.color && column.tone && !header ? paint(column.tone(cells[i] ?? ''), text) : text;
        return column.align === 'right' ? pad + shown : shown + pad;
      })
      .join(GAP)
      .trimEnd();
  const text = [line(columns.map((column) => column.header), true), ...rows.map((row) => (row === 'rule' ? '-'.repeat(tableWidth) : line(row)))].join('\n');
  const hidden = columns.filter((_, i) => !visible.includes(i)).map((column) => column.header);
  return { text, hidden };
}

/** The table with, when columns were dropped, a one-line note under it saying which and how to see them. */
export function renderColumns(columns: Column[], rows: Row[], options: TableOptions | number = {}): string {
  const settings = typeof options === 'number' ? { width: options } : options;
  const laid = layoutColumns(columns, rows, settings);
  const note = hiddenNote(laid.hidden, settings);
  return note ? `${laid.text}\n${note}` : laid.text;
}

/** "Provider, Latency hidden to fit; --wide shows all", wrapped at word boundaries to the width. */
export function hiddenNote(hidden: string[], options: TableOptions): string {
  if (hidden.length === 0) return '';
  const note = `${hidden.join(', ')} hidden to fit; ${options.wideHint ?? '--wide shows all'}`;
  const lines = options.width === undefined ? [note] : wrapWords(note, options.width);
  return lines.map((line) => (options.color ? paint('dim', line) : line)).join('\n');
}

/** Words joined into lines of at most `width` characters (a longer word is cut). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && length(line) + 1 + length(word) > width) {
      lines.push(line);
      line = '';
    }
    line = truncate(line ? `${line} ${word}` : word, Math.max(width, 1));
  }
  return [...lines, line];
}

/** Narrows the widest shrinkable visible column above its floor, one character at a time, until the table fits or none can give more. */
function shrink(visible: number[], widths: number[], floor: number[], width: number, columns: Column[]): void {
  const total = () => visible.reduce((sum, i) => sum + widths[i], 0) + GAP.length * (visible.length - 1);
  while (total() > width) {
    const candidates = visible.filter((i) => columns[i].shrink && widths[i] > floor[i]);
    if (candidates.length === 0) return;
    const widest = candidates.reduce((a, b) => (widths[b] - floor[b] > widths[a] - floor[a] ? b : a));
    widths[widest] -= 1;
  }
}

function length(text: string): number {
  return [...text].length;
}
