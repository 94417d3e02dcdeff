/** The page's whole stylesheet: system fonts only, colours from variables that follow prefers-color-scheme. */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2125; --muted: #5c6670; --line: #d7dce1; --card: #f4f6f8;
  --cloud: #c2410c; --local: #15803d; --bad: #b91c1c;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111417; --fg: #e6e9ec; --muted: #9aa4ae; --line: #343b42; --card: #1b2025;
    --cloud: #fb923c; --local: #4ade80; --bad: #f87171;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta, .note, figcaption { color: var(--muted); }
.note { font-size: 12px; margin: 4px 0; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 20px; font-variant-numeric: tabular-nums; }
.card.gain .value { color: var(--local); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(400px, 100%), 1fr)); gap: 16px; }
figure.chart { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
figcaption { font-weight: 600; }
figure.chart svg { display: block; width: 100%; height: auto; }
.legend { list-style: none; display: flex; gap: 16px; margin: 4px 0; padding: 0; font-size: 12px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.swatch.cloud, .bar.cloud { background: var(--cloud); fill: var(--cloud); }
.swatch.local, .bar.local { background: var(--local); fill: var(--local); }
.bar.partial { fill-opacity: 0.55; }
.grid { stroke: var(--line); stroke-width: 1; }
svg text { fill: var(--muted); font-size: 12px; }
svg text.value { fill: var(--fg); font-size: 11px; }
svg text.unknown { fill: var(--bad); font-size: 15px; font-weight: 700; }
.table-wrap { overflow-x: auto; max-width: 100%; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
/* A phone: less padding, and long words (ids, model names) break instead of pushing the page sideways. */
@media (max-width: 600px) {
  body { padding: 12px; }
  .card { min-width: 0; flex: 1 1 140px; }
  .card .value { font-size: 17px; }
  h2, .meta, .task, .saving, figcaption { overflow-wrap: anywhere; }
}
table { border-collapse: collapse; width: 100%; font-size: 12.5px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; }
tr.total td { font-weight: 600; border-top: 2px solid var(--line); }
td.error { color: var(--bad); }
td.step { white-space: normal; max-width: 220px; }
.where-local { color: var(--local); }
.where-cloud { color: var(--cloud); }
`;
