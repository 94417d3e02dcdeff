import { truncate } from './format.js';

/** One column of a plain-text table. */
export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Columns that may be cut to fit a narrow terminal, and which end of their text goes. */
  shrink?: 'end' | 'start';
}

/** A row of cells, or a horizontal rule (before a totals row). */
export type Row = string[] | 'rule';

const GAP = '  ';
const MIN_SHRUNK = 8;

/** Lays out rows under headers in aligned columns, cutting shrinkable columns until the table fits `width`. */
export function renderColumns(columns: Column[], rows: Row[], width?: number): string {
  const cellRows = rows.filter((row): row is string[] => row !== 'rule');
  const widths = columns.map((column, i) => Math.max(length(column.header), ...cellRows.map((row) => length(row[i] ?? ''))));
  if (width !== undefined) fit(columns, widths, width);
  const tableWidth = widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1);
  const line = (cells: string[]) =>
    columns
      .map((column, i) => {
        const text = column.shrink ? truncate(cells[i] ?? '', widths[i], column.shrink) : (cells[i] ?? '');
        const pad = ' '.repeat(Math.max(widths[i] - length(text), 0));
        return column.align === 'right' ? pad + text : text + pad;
      })
      .join(GAP)
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...rows.map((row) => (row === 'rule' ? '-'.repeat(tableWidth) : line(row)))].join('\n');
}

/** Narrows the widest shrinkable column, one character at a time, until the table fits or none can give more. */
function fit(columns: Column[], widths: number[], width: number): void {
  const total = () => widths.reduce((sum, w) => sum + w, 0) + GAP.length * (columns.length - 1);
  while (total() > width) {
    const candidates = columns
      .map((column, i) => ({ i, floor: Math.max(MIN_SHRUNK, length(column.header)), shrinkable: Boolean(column.shrink) }))
      .filter(({ i, floor, shrinkable }) => shrinkable && widths[i] > floor);
    if (candidates.length === 0) return;
    const widest = candidates.reduce((a, b) => (widths[b.i] > widths[a.i] ? b : a));
    widths[widest.i] -= 1;
  }
}

function length(text: string): number {
  return [...text].length;
}
