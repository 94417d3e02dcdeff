import { escapeHtml } from './escape.js';

/** A table cell: text, or text with a class and a tooltip (the full text of a shortened cell). */
export type Cell = string | { text: string; className?: string; title?: string };

/** A column header; numeric columns are right-aligned. */
export interface HtmlColumn {
  header: string;
  num?: boolean;
}

/** An HTML table with every cell escaped; the last row is styled as totals when `totals` is set. */
export function htmlTable(columns: HtmlColumn[], rows: Cell[][], options: { totals?: boolean; className?: string } = {}): string {
  const head = columns.map((column) => `<th${column.num ? ' class="num"' : ''}>${escapeHtml(column.header)}</th>`).join('');
  const body = rows
    .map((row, r) => {
      const total = options.totals && r === rows.length - 1;
      const cells = row.map((cell, i) => {
        const text = typeof cell === 'string' ? cell : cell.text;
        const classes = [columns[i]?.num ? 'num' : '', typeof cell === 'string' ? '' : (cell.className ?? '')].filter(Boolean).join(' ');
        const title = typeof cell === 'string' || cell.title === undefined ? '' : ` title="${escapeHtml(cell.title)}"`;
        return `<td${classes ? ` class="${escapeHtml(classes)}"` : ''}${title}>${escapeHtml(text)}</td>`;
      });
      return `<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table${options.className ? ` class="${escapeHtml(options.className)}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}
