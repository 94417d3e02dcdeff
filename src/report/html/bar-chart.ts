import { escapeHtml } from './escape.js';
import { niceCeiling } from './scale.js';

/** One series of bars; its key is also its CSS class (colour). */
export interface BarSeries {
  key: 'cloud' | 'local';
  label: string;
  /** One value per category; null when unknown (drawn as "?"). */
  values: Array<number | null>;
  /** True where the value is only a lower bound (some part unknown). */
  partial?: boolean[];
}

/** A bar chart: categories along x, one bar per series in each (side by side, or stacked). */
export interface BarChartSpec {
  id: string;
  title: string;
  categories: string[];
  /** Longer names for the tooltips, one per category. */
  categoryTitles?: string[];
  series: BarSeries[];
  stacked: boolean;
  format: (value: number) => string;
  /** A line under the chart. */
  note?: string;
}

/** The note under a chart of costs: how it shows what is not known. */
export const COST_NOTE = '? : cost unknown · ≥ and a paler bar: a lower bound, some calls of unknown cost';

const WIDTH = 520;
const HEIGHT = 240;
const PAD = { left: 64, right: 8, top: 22, bottom: 30 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;
const MIN_LABELLED_BAR = 40;
const MIN_X_LABEL = 44;

/** The chart as a figure: caption, legend and an inline SVG whose bars carry their series, category and value as data attributes. */
export function barChart(spec: BarChartSpec): string {
  const n = spec.categories.length;
  const band = PLOT_W / Math.max(n, 1);
  const barWidth = (band * 0.72) / (spec.stacked ? 1 : spec.series.length);
  const top = niceCeiling(Math.max(0, ...spec.categories.map((_, i) => heightOf(spec, i))));
  const y = (value: number) => PAD.top + PLOT_H - (value / top) * PLOT_H;
  const parts: string[] = [];
  for (const fraction of [0, 0.5, 1]) {
    const at = y(fraction * top).toFixed(1);
    parts.push(`<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${at}" y2="${at}"/>`);
    parts.push(`<text class="axis" x="${PAD.left - 6}" y="${at}" dy="0.32em" text-anchor="end">${escapeHtml(spec.format(fraction * top))}</text>`);
  }
  const every = Math.ceil(n / Math.max(1, Math.floor(PLOT_W / MIN_X_LABEL)));
  spec.categories.forEach((category, i) => {
    const name = spec.categoryTitles?.[i] ?? category;
    const left = PAD.left + band * i + band * 0.14;
    let base = 0;
    spec.series.forEach((series, s) => {
      const value = series.values[i];
      const x = spec.stacked ? left : left + barWidth * s;
      const partial = series.partial?.[i] ?? false;
      const tip = `${name} · ${series.label}: ${value === null ? 'unknown' : `${partial ? '≥' : ''}${spec.format(value)}`}`;
      if (value === null) {
        // Above the known part of a stack, so no later bar covers it.
        const at = y(spec.stacked ? heightOf(spec, i) : 0) - 4;
        parts.push(`<text class="unknown ${series.key}" x="${(x + barWidth / 2).toFixed(1)}" y="${at.toFixed(1)}" text-anchor="middle" data-series="${series.key}" data-category="${escapeHtml(category)}">?<title>${escapeHtml(tip)}</title></text>`);
        return;
      }
      // At least one pixel, so a $0 bar still shows that the calls happened.
      const height = Math.max((value / top) * PLOT_H, 1);
      const classes = ['bar', series.key, ...(partial ? ['partial'] : []), ...(value === 0 ? ['zero'] : [])].join(' ');
      parts.push(
        `<rect class="${classes}" data-series="${series.key}" data-category="${escapeHtml(category)}" data-value="${value}" x="${x.toFixed(1)}" y="${(y(base) - height).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${height.toFixed(1)}"><title>${escapeHtml(tip)}</title></rect>`,
      );
      if (spec.stacked) base += value;
      else if (barWidth >= MIN_LABELLED_BAR) parts.push(valueLabel(x + barWidth / 2, y(value) - 4, `${partial ? '≥' : ''}${spec.format(value)}`));
    });
    if (spec.stacked && barWidth >= MIN_LABELLED_BAR) parts.push(valueLabel(left + barWidth / 2, y(base) - (hasUnknown(spec, i) ? 16 : 4), stackLabel(spec, i, base)));
    if (i % every === 0) {
      parts.push(`<text class="axis category" x="${(PAD.left + band * (i + 0.5)).toFixed(1)}" y="${HEIGHT - PAD.bottom + 17}" text-anchor="middle">${escapeHtml(category)}</text>`);
    }
  });
  const legend = spec.series.map((series) => `<li><span class="swatch ${series.key}"></span>${escapeHtml(series.label)}</li>`).join('');
  return [
    `<figure class="chart" id="${escapeHtml(spec.id)}">`,
    `<figcaption>${escapeHtml(spec.title)}</figcaption>`,
    `<ul class="legend">${legend}</ul>`,
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}">${parts.join('')}</svg>`,
    spec.note ? `<p class="note">${escapeHtml(spec.note)}</p>` : '',
    '</figure>',
  ].join('\n');
}

/** The height a category needs: its stack, or its tallest bar. */
function heightOf(spec: BarChartSpec, i: number): number {
  const known = spec.series.map((series) => series.values[i] ?? 0);
  return spec.stacked ? known.reduce((sum, value) => sum + value, 0) : Math.max(0, ...known);
}

function hasUnknown(spec: BarChartSpec, i: number): boolean {
  return spec.series.some((series) => series.values[i] === null);
}

function stackLabel(spec: BarChartSpec, i: number, known: number): string {
  if (spec.series.every((series) => series.values[i] === null)) return '';
  const bound = hasUnknown(spec, i) || spec.series.some((series) => series.partial?.[i]);
  return `${bound ? '≥' : ''}${spec.format(known)}`;
}

function valueLabel(x: number, y: number, text: string): string {
  return text ? `<text class="value" x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="middle">${escapeHtml(text)}</text>` : '';
}
