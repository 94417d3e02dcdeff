import { formatInt, formatTime, formatUsd } from '../format.js';
import { savingLine } from '../table.js';
import type { DayUsage } from '../../stats/days.js';
import { usageCells } from '../../stats/table.js';
import type { UsageSum } from '../../stats/usage-sum.js';
import { barChart, COST_NOTE } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import type { HtmlReportInput } from './input.js';
import { compactNumber } from './scale.js';
import { htmlTable, type Cell } from './table.js';

/** The period part of the page: calls, cost and tokens per day, cloud against local, and the stats table with the saving. */
export function historySection(input: HtmlReportInput): string {
  const { days, stats } = input;
  const period = input.since ? `since ${formatTime(input.since)}` : 'all recorded calls';
  const daily = (id: string, title: string, pick: (usage: UsageSum) => number | null, format: (value: number) => string, partial?: (usage: UsageSum) => boolean) =>
    barChart({
      id,
      title,
      categories: days.map((day) => day.day.slice(5)),
      categoryTitles: days.map((day) => day.day),
      stacked: false,
      format,
      series: (['cloud', 'local'] as const).map((key) => ({
        key,
        label: key,
        values: days.map((day: DayUsage) => pick(day[key])),
        partial: days.map((day) => partial?.(day[key]) ?? false),
      })),
      note: partial ? COST_NOTE : undefined,
    });
  const charts = days.length
    ? [
        daily('calls-per-day', 'Calls per day', (usage) => usage.calls, compactNumber),
        daily('cost-per-day', 'Cost per day', (usage) => usage.cost?.usd ?? null, formatUsd, (usage) => Boolean(usage.cost?.partial)),
        daily('tokens-per-day', 'Tokens per day (in + out)', (usage) => usage.promptTokens + usage.completionTokens, compactNumber),
      ].join('')
    : '';
  const rows: Cell[][] = stats.groups.map((group) => [
    group.role,
    { text: input.isLocal(group) ? 'local' : 'cloud', className: `where-${input.isLocal(group) ? 'local' : 'cloud'}` },
    group.model,
    group.provider,
    ...usageCells(group),
    formatUsd(group.savings.savedUsd),
  ]);
  rows.push(['total', '', '', '', ...usageCells(stats.totals), formatUsd(stats.savings.savedUsd)]);
  return [
    `<section id="history">`,
    `<h2>Cloud and local over time</h2>`,
    `<p class="meta">${escapeHtml(`${period} · ${formatInt(stats.totals.calls)} calls · days in local time`)}</p>`,
    days.length ? `<div class="charts">${charts}</div>` : '<p>No model calls in this period.</p>',
    `<h3>By role, model and provider</h3>`,
    htmlTable(
      [
        { header: 'Role' }, { header: 'Where' }, { header: 'Model' }, { header: 'Provider' }, { header: 'Calls', num: true }, { header: 'Failed', num: true },
        { header: 'Tokens in/out', num: true }, { header: 'Cost', num: true }, { header: 'p50', num: true }, { header: 'p95', num: true }, { header: 'Saved', num: true },
      ],
      rows,
      { totals: true, className: 'stats' },
    ),
    `<p class="saving">${escapeHtml(savingLine(stats.savings, input.architectModel))}</p>`,
    `</section>`,
  ].join('\n');
}
