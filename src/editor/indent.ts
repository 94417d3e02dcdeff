/** Columns a tab counts for when indentation written with tabs is compared with indentation written with spaces. */
export const TAB_COLUMNS = 4;

/** Which character indents. */
export type IndentStyle = 'tab' | 'space';

/** The leading whitespace of a line. */
export function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** Width of an indentation in columns (a tab is TAB_COLUMNS). */
export function columns(indent: string): number {
  let n = 0;
  for (const ch of indent) n += ch === '\t' ? TAB_COLUMNS : 1;
  return n;
}

/** True when a line holds nothing but whitespace. */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function mostCommon(counts: Map<number, number>): number {
  let best = 0;
  let value = 0;
  for (const [key, count] of counts) {
    if (count > best || (count === best && key < value)) {
      best = count;
      value = key;
    }
  }
  return value;
}

/** How a set of lines indents: its style (null when nothing is indented) and columns per level. */
export interface IndentInfo {
  style: IndentStyle | null;
  unit: number;
}

/** How a set of lines indents: tabs or spaces (by majority) and the columns one level takes. */
export function detectIndent(lines: string[]): IndentInfo {
  let tabs = 0;
  let spaces = 0;
  const deltas = new Map<number, number>();
  let prev = 0;
  let minWidth = 0;
  for (const line of lines) {
    if (isBlank(line)) continue;
    const ind = indentOf(line);
    if (ind.startsWith('\t')) tabs++;
    else if (ind.length >= 2) spaces++;
    if (ind.includes('\t')) continue;
    // A JSDoc ` * ` line sits one space past its level: the level is evidence, the space is alignment, no step.
    const jsdoc = line.startsWith('*', ind.length);
    const width = jsdoc ? ind.length - (ind.length % 2) : ind.length;
    if (width >= 2 && (minWidth === 0 || width < minWidth)) minWidth = width;
    if (jsdoc) continue;
    const delta = Math.abs(width - prev);
    if (delta >= 2) deltas.set(delta, (deltas.get(delta) ?? 0) + 1);
    prev = width;
  }
  const style: IndentStyle | null = tabs === 0 && spaces === 0 ? null : tabs > spaces ? 'tab' : 'space';
  if (style === 'tab') return { style, unit: TAB_COLUMNS };
  const seen = [...deltas.values()].reduce((a, b) => a + b, 0);
  // The widest step that nearly every step is a whole number of: many double steps (a 2-space
  // file closing two blocks at once) must not pass for the unit.
  const covers = (d: number) => [...deltas].reduce((n, [delta, count]) => n + (delta % d === 0 ? count : 0), 0) >= 0.9 * seen;
  let unit = [...deltas.keys()].sort((a, b) => b - a).find(covers) ?? mostCommon(deltas);
  // Few lines say little: a lone 8-space line is two levels of 4 far more often than one level of 8.
  if (seen < 3) unit = [...deltas.keys(), minWidth].filter((n) => n >= 2).reduce(gcd, 0) || TAB_COLUMNS;
  if (unit > TAB_COLUMNS && unit % TAB_COLUMNS === 0) unit = TAB_COLUMNS;
  return { style, unit };
}
