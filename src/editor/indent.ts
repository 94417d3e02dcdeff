/** Columns a tab counts for when indentation written with tabs is compared with indentation written with spaces. */
const TAB_COLUMNS = 4;

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
    if (!ind.includes('\t')) {
      const width = ind.length;
      const delta = Math.abs(width - prev);
      if (delta >= 2) deltas.set(delta, (deltas.get(delta) ?? 0) + 1);
      if (width >= 2 && (minWidth === 0 || width < minWidth)) minWidth = width;
      prev = width;
    }
  }
  const style: IndentStyle | null = tabs === 0 && spaces === 0 ? null : tabs > spaces ? 'tab' : 'space';
  if (style === 'tab') return { style, unit: TAB_COLUMNS };
  let seen = 0;
  let unit = 0;
  let best = 0;
  for (const [delta, count] of deltas) {
    seen += count;
    if (count > best || (count === best && delta < unit)) {
      best = count;
      unit = delta;
    }
  }
  // Few lines say little: a lone 8-space line is two levels of 4 far more often than one level of 8.
  if (seen < 3) unit = [...deltas.keys(), minWidth].filter((n) => n >= 2).reduce(gcd, 0) || TAB_COLUMNS;
  if (unit > TAB_COLUMNS && unit % TAB_COLUMNS === 0) unit = TAB_COLUMNS;
  return { style, unit };
}

/** Maps the model's indentation onto the file's: file columns = alpha * model columns + beta, written in the file's style. */
export interface Indenter {
  alpha: number;
  beta: number;
  /** The model indents with the file's character (tabs or spaces). */
  sameStyle: boolean;
  /** Re-indent one model line for the file; null when its indentation has no place in the file (fractional or negative). */
  render(line: string): string | null;
}

interface IndenterInput {
  /** (model line, file line) pairs known to be the same line of code. */
  pairs: Array<[string, string]>;
  /** How the model's block indents, and how the file does. */
  model: IndentInfo;
  file: IndentInfo;
}

/**
 * Build the indentation map from lines known to correspond; null when they disagree (no single
 * shift and scale explains them), which means the block is not this code after all.
 */
export function buildIndenter({ pairs, model, file }: IndenterInput): Indenter | null {
  const points = pairs
    .filter(([m, f]) => !isBlank(m) && !isBlank(f))
    .map(([m, f]) => [columns(indentOf(m)), columns(indentOf(f))] as const);
  const first = points[0];
  const other = points.find(([m]) => first && m !== first[0]);
  const stylesDiffer = !!model.style && !!file.style && model.style !== file.style;
  let alpha = 1;
  let beta = 0;
  if (first && other) {
    alpha = (other[1] - first[1]) / (other[0] - first[0]);
    beta = first[1] - alpha * first[0];
  } else if (first && stylesDiffer && first[0] > 0 && first[1] > 0) {
    // One level seen, written with the other character: the model kept the level and changed the unit.
    alpha = first[1] / first[0];
  } else if (first) {
    alpha = stylesDiffer ? file.unit / model.unit : 1;
    beta = first[1] - alpha * first[0];
  }
  if (!(alpha > 0.2 && alpha < 5)) return null;
  if (points.some(([m, f]) => Math.abs(alpha * m + beta - f) > 1e-9)) return null;
  const identity = alpha === 1 && beta === 0;
  return {
    alpha,
    beta,
    sameStyle: !model.style || !file.style || model.style === file.style,
    render(line) {
      if (isBlank(line)) return '';
      const ind = indentOf(line);
      const lineStyle: IndentStyle | null = ind.includes('\t') ? 'tab' : ind.length >= 2 ? 'space' : null;
      if (identity && (!file.style || !lineStyle || lineStyle === file.style)) return line;
      const target = alpha * columns(ind) + beta;
      const cols = Math.round(target);
      if (Math.abs(target - cols) > 1e-9 || cols < 0) return null;
      const style = file.style ?? lineStyle ?? 'space';
      const prefix =
        style === 'tab' ? '\t'.repeat(Math.floor(cols / TAB_COLUMNS)) + ' '.repeat(cols % TAB_COLUMNS) : ' '.repeat(cols);
      return prefix + line.slice(ind.length);
    },
  };
}
