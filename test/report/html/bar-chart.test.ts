import { describe, expect, test } from 'vitest';
import { barChart, type BarChartSpec } from '../../../src/report/html/bar-chart.js';
import { elements } from './svg.js';

const plain = (value: number) => String(value);
// The plot is 188 units high (240 minus 22 above and 30 below).
const PLOT_H = 188;

function chart(fields: Partial<BarChartSpec>): string {
  return barChart({ id: 'c', title: 'Cost', categories: [], series: [], stacked: false, format: plain, ...fields });
}

describe('barChart', () => {
  test('side by side: bar heights in proportion to a nice axis top, unknown as "?", zero as a 1-unit line', () => {
    const svg = chart({
      categories: ['a', '<b>'],
      series: [
        { key: 'cloud', label: 'cloud', values: [8, null] },
        { key: 'local', label: 'local', values: [4, 0] },
      ],
    });
    const bars = elements(svg, 'rect').map((rect) => [rect.class, rect['data-category'], rect['data-value'], rect.height]);
    // Axis top: 10, the nice ceiling of 8.
    expect(bars).toEqual([
      ['bar cloud', 'a', '8', (0.8 * PLOT_H).toFixed(1)],
      ['bar local', 'a', '4', (0.4 * PLOT_H).toFixed(1)],
      ['bar local zero', '&lt;b&gt;', '0', '1.0'],
    ]);
    const unknown = elements(svg, 'text').filter((text) => text.class?.startsWith('unknown'));
    expect(unknown.map((text) => [text['data-series'], text['data-category'], text.text])).toEqual([['cloud', '&lt;b&gt;', '?<title>&lt;b&gt; · cloud: unknown</title>']]);
    expect(elements(svg, 'text').filter((text) => text.class === 'axis').map((text) => text.text)).toEqual(['0', '5', '10']);
    expect(elements(svg, 'text').filter((text) => text.class === 'value').map((text) => text.text)).toEqual(['8', '4', '0']);
    expect(elements(svg, 'text').filter((text) => text.class === 'axis category').map((text) => text.text)).toEqual(['a', '&lt;b&gt;']);
    expect(svg).not.toContain('<b>');
  });

  test('stacked: segments sit on each other, the label is the total, a lower bound when a part is partial or unknown', () => {
    const svg = chart({
      stacked: true,
      categories: ['plan', '1'],
      categoryTitles: ['plan: planning', '1: Add subtract'],
      series: [
        { key: 'cloud', label: 'cloud', values: [4, null], partial: [true, false] },
        { key: 'local', label: 'local', values: [6, 2] },
      ],
    });
    const rects = elements(svg, 'rect');
    expect(rects.map((rect) => [rect.class, rect['data-value'], rect.y, rect.height])).toEqual([
      ['bar cloud partial', '4', (22 + PLOT_H - 0.4 * PLOT_H).toFixed(1), (0.4 * PLOT_H).toFixed(1)],
      ['bar local', '6', '22.0', (0.6 * PLOT_H).toFixed(1)],
      ['bar local', '2', (22 + PLOT_H - 0.2 * PLOT_H).toFixed(1), (0.2 * PLOT_H).toFixed(1)],
    ]);
    expect(rects[0].text).toBe('<title>plan: planning · cloud: ≥4</title>');
    expect(elements(svg, 'text').filter((text) => text.class === 'value').map((text) => text.text)).toEqual(['≥10', '≥2']);
  });

  test('many categories: every third x label, no value labels, all bars drawn', () => {
    const categories = Array.from({ length: 30 }, (_, i) => `d${i}`);
    const svg = chart({ categories, series: [{ key: 'cloud', label: 'cloud', values: categories.map((_, i) => i) }, { key: 'local', label: 'local', values: categories.map(() => 1) }] });
    expect(elements(svg, 'rect')).toHaveLength(60);
    expect(elements(svg, 'text').filter((text) => text.class === 'axis category').map((text) => text.text)).toEqual(['d0', 'd3', 'd6', 'd9', 'd12', 'd15', 'd18', 'd21', 'd24', 'd27']);
    expect(elements(svg, 'text').filter((text) => text.class === 'value')).toEqual([]);
  });

  test('nothing but zeros still has an axis from 0 to 1', () => {
    const svg = chart({ categories: ['a'], series: [{ key: 'local', label: 'local', values: [0] }] });
    expect(elements(svg, 'text').filter((text) => text.class === 'axis').map((text) => text.text)).toEqual(['0', '0.5', '1']);
  });

  test('a figure with an escaped caption, legend and note', () => {
    const svg = chart({ id: 'x"y', title: 'a <b> & c', note: '≥ & ?', categories: ['a'], series: [{ key: 'cloud', label: '<cloud>', values: [1] }] });
    expect(svg).toContain('<figure class="chart" id="x&quot;y">');
    expect(svg).toContain('<figcaption>a &lt;b&gt; &amp; c</figcaption>');
    expect(svg).toContain('<ul class="legend"><li><span class="swatch cloud"></span>&lt;cloud&gt;</li></ul>');
    expect(svg).toContain('aria-label="a &lt;b&gt; &amp; c"');
    expect(svg).toContain('<p class="note">≥ &amp; ?</p>');
  });
});
