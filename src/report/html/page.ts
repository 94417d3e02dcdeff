import { formatTime } from '../format.js';
import { escapeHtml } from './escape.js';
import { historySection } from './history-section.js';
import type { HtmlReportInput } from './input.js';
import { runSection } from './run-section.js';
import { benchSection } from './bench-section.js';
import { htmlPage } from './shell.js';

/** The whole report as one self-contained HTML page: inline CSS and SVG, no script, nothing loaded from the network. */
export function renderHtmlReport(input: HtmlReportInput): string {
  const run = input.run
    ? runSection(input.run, input)
    : '<section id="run"><h2>Latest run</h2><p>No model calls recorded yet. Run "tandem plan &lt;task&gt;" or "tandem demo".</p></section>';
  const title = input.run ? `tandem report: ${input.run.id}` : 'tandem report';
  return htmlPage(
    title,
    `<header>
<h1>tandem report</h1>
<p class="meta">generated ${escapeHtml(formatTime(input.generatedAt))} (${escapeHtml(utcOffset(input.generatedAt))}) · architect ${escapeHtml(input.architectModel)} · all-cloud = the architect's cost plus every other call's tokens at the architect's rates</p>
</header>
${run}
${historySection(input)}
${input.bench ? benchSection(input.bench) : ''}`,
  );
}

/** The local time zone as "UTC+01:00", so readers know what the times mean. */
function utcOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
