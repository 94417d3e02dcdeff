import { columns, indentOf, isBlank, TAB_COLUMNS, type IndentInfo, type IndentStyle } from './indent.js';
import { depthOf, fit, type Point } from './level-fit.js';

/** Maps the model's indentation onto the file's: file levels = alpha * model levels + beta (in columns), in the file's style. */
export interface Indenter {
  alpha: number;
  beta: number;
  /** The model indents with the file's character (tabs or spaces). */
  sameStyle: boolean;
  /** Re-indent one model line for the file; null when its indentation has no place in the file (between levels, or negative). */
  render(line: string): string | null;
}

interface IndenterInput {
  /** (model line, file line) pairs known to be the same line of code. */
  pairs: Array<[string, string]>;
  /** How the model's block indents, and how the file does. */
  model: IndentInfo;
  file: IndentInfo;
}

function prefix(cols: number, style: IndentStyle): string {
  return style === 'tab' ? '\t'.repeat(Math.floor(cols / TAB_COLUMNS)) + ' '.repeat(cols % TAB_COLUMNS) : ' '.repeat(cols);
}

function lineStyleOf(ind: string): IndentStyle | null {
  return ind.includes('\t') ? 'tab' : ind.length >= 2 ? 'space' : null;
}

type Pair = readonly [string, string];

/**
 * The map on levels: each model line's level is read against the file line it matched (the file
 * says what is alignment), and the model's unit follows from the map, not from its few lines.
 */
function leveled(both: Pair[], model: IndentInfo, file: IndentInfo, stylesDiffer: boolean): Indenter | null {
  const points: Point[] = [];
  for (const [m, f] of both) {
    const fd = depthOf(f, file.unit);
    const md = m.includes('\t') ? depthOf(m, model.unit) : { level: m.length - fd.align, align: fd.align };
    if (md.align !== fd.align || md.level < 0) return null;
    points.push([md.level, fd.level]);
  }
  const map = fit(points, stylesDiffer, { model: model.unit, file: file.unit });
  if (!map) return null;
  const { alpha, beta } = map;
  // A scale the lines showed says what the model's unit is; an assumed one says nothing.
  const unit = map.seen ? file.unit / alpha : model.unit;
  const origin = points[0]?.[0] ?? 0;
  return {
    alpha,
    beta,
    sameStyle: !stylesDiffer,
    render(line) {
      if (isBlank(line)) return '';
      const ind = indentOf(line);
      const lineStyle = lineStyleOf(ind);
      if (alpha === 1 && beta === 0 && (!file.style || !lineStyle || lineStyle === file.style)) return line;
      if (!ind.includes('\t') && !(Number.isInteger(unit) && unit > 0)) return null;
      const d = depthOf(ind, unit, origin);
      const target = alpha * d.level + beta;
      // A level between the file's levels means the map is not what the model meant.
      if (!Number.isInteger(target) || target < 0 || (file.style && target % file.unit !== 0)) return null;
      return prefix(target, file.style ?? lineStyle ?? 'space') + ' '.repeat(d.align) + line.slice(ind.length);
    },
  };
}

/** The map on plain columns, for a pure shift in the file's own character (odd shifts included). */
function shifted(both: Pair[], file: IndentInfo): Indenter | null {
  const map = fit(both.map(([m, f]) => [columns(m), columns(f)] as const), false, { model: 1, file: 1 });
  if (!map || map.alpha !== 1) return null;
  const { beta } = map;
  return {
    alpha: 1,
    beta,
    sameStyle: true,
    render(line) {
      if (isBlank(line)) return '';
      const ind = indentOf(line);
      const lineStyle = lineStyleOf(ind);
      if (beta === 0 && (!file.style || !lineStyle || lineStyle === file.style)) return line;
      const target = columns(ind) + beta;
      return target < 0 ? null : prefix(target, file.style ?? lineStyle ?? 'space') + line.slice(ind.length);
    },
  };
}

/** True when the map writes every matched model line with exactly the file line's indentation. */
function reproduces(ind: Indenter, both: Pair[]): boolean {
  return both.every(([m, f]) => {
    const out = ind.render(`${m}x`);
    return out !== null && indentOf(out) === f;
  });
}

/**
 * Build the indentation map from lines known to correspond; null when they disagree (no single
 * shift and scale explains them), which means the block is not this code after all. Levels and
 * alignment are mapped apart, so a JSDoc ` * ` line never passes for a level of its own; a map on
 * plain columns is the fallback only for a pure shift in the file's own character. Either must
 * write every matched line exactly as the file has it, or it is not used.
 */
export function buildIndenter({ pairs, model, file }: IndenterInput): Indenter | null {
  const both = pairs.filter(([m, f]) => !isBlank(m) && !isBlank(f)).map(([m, f]) => [indentOf(m), indentOf(f)] as const);
  const stylesDiffer = !!model.style && !!file.style && model.style !== file.style;
  const byLevel = leveled(both, model, file, stylesDiffer);
  if (byLevel && reproduces(byLevel, both)) return byLevel;
  const byColumn = stylesDiffer ? null : shifted(both, file);
  return byColumn && reproduces(byColumn, both) ? byColumn : null;
}
