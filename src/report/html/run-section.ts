import { approx, formatCostSum, formatInt, formatLatency, formatTime, formatTokens, formatUsd, oneLine, truncate } from '../format.js';
import { ESTIMATED_NOTE, savingLine } from '../table.js';
import { barChart, COST_NOTE } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import type { HtmlReportInput, RunView } from './input.js';
import { htmlTable, type Cell } from './table.js';

/** The run part of the page: summary cards, the saving, cost and latency per step, and every call of the run. */
export function runSection(run: RunView, input: Pick<HtmlReportInput, 'architectModel' | 'isLocal'>): string {
  const first = run.calls[0];
  const meta = [
    run.planId ? `plan ${run.planId}` : null,
    first ? `started ${formatTime(new Date(first.ts))}` : null,
    `${formatInt(run.totals.calls)} calls, ${formatInt(run.totals.failures)} failed`,
    run.outcome ? `steps: ${formatInt(run.outcome.applied)} applied, ${formatInt(run.outcome.failed)} failed or refused, ${formatInt(run.outcome.skipped)} skipped` : null,
  ].filter(Boolean);
  const nothingApplied = run.outcome?.applied === 0;
  const { savings } = run;
  const estimated = run.totals.usageSource === 'estimated';
  const pct = savings.savedPct === null ? '' : ` (${Math.round(savings.savedPct)}%)`;
  const cards = [
    card('Cost', approx(formatCostSum(run.totals.cost), estimated), 'cost'),
    card('All-cloud cost', formatUsd(savings.allCloudUsd), 'all-cloud'),
    // Nothing applied, nothing saved: no Saved card, the steps' outcome instead.
    nothingApplied ? card('Applied', 'nothing applied', 'applied none') : card('Saved', `${formatUsd(savings.savedUsd)}${pct}`, savings.savedUsd !== null && savings.savedUsd > 0 ? 'saved gain' : 'saved'),
    card('Tokens in / out', formatTokens(run.totals.promptTokens, run.totals.completionTokens, estimated), 'tokens'),
    card('Time in model calls', formatLatency(run.totals.latencyMs), 'latency'),
  ];
  const categories = run.steps.map((step) => step.label);
  const categoryTitles = run.steps.map((step) => (step.title ? `${step.label}: ${step.title}` : `step ${step.label}`));
  const perStep = (id: string, title: string, pick: 'cost' | 'latency') =>
    barChart({
      id,
      title,
      categories,
      categoryTitles,
      stacked: true,
      format: pick === 'cost' ? formatUsd : formatLatency,
      series: (['cloud', 'local'] as const).map((key) => ({
        key,
        label: key,
        values: run.steps.map((step) => (pick === 'cost' ? (step[key].cost?.usd ?? null) : step[key].latencyMs)),
        partial: run.steps.map((step) => pick === 'cost' && Boolean(step[key].cost?.partial)),
      })),
      note: pick === 'cost' ? COST_NOTE : 'all attempts, failed ones included',
    });
  return [
    `<section id="run">`,
    `<h2>Run <code>${escapeHtml(run.id)}</code></h2>`,
    run.task ? `<p class="task">${escapeHtml(oneLine(run.task))}</p>` : '',
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
    `<div class="cards">${cards.join('')}</div>`,
    `<p class="saving">${escapeHtml(savingLine(savings, input.architectModel, run.outcome?.applied))}</p>`,
    estimated ? `<p class="note" data-usage-source="estimated">${escapeHtml(ESTIMATED_NOTE)}</p>` : '',
    `<div class="charts">${perStep('cost-per-step', 'Cost per step', 'cost')}${perStep('latency-per-step', 'Latency per step', 'latency')}</div>`,
    `<h3>Calls</h3>`,
    callsTable(run, input.isLocal),
    `</section>`,
  ].join('\n');
}

function errorCell(error: string | null): Cell {
  const text = `error: ${oneLine(error ?? 'unknown')}`;
  return { text: truncate(text, 64), className: 'error', title: text };
}

function card(label: string, value: string, classes: string): string {
  const id = classes.split(' ')[0];
  return `<div class="card ${escapeHtml(classes)}"><div class="label">${escapeHtml(label)}</div><div class="value" data-card="${escapeHtml(id)}">${escapeHtml(value)}</div></div>`;
}

function callsTable(run: RunView, isLocal: HtmlReportInput['isLocal']): string {
  const titles = new Map(run.steps.map((step) => [step.step, step.title]));
  const rows: Cell[][] = run.calls.map((call) => {
    const where = isLocal(call) ? 'local' : 'cloud';
    const title = titles.get(call.step);
    return [
      formatTime(new Date(call.ts)),
      { text: call.step === null ? 'plan' : `${call.step + 1}${title ? ` ${title}` : ''}`, className: 'step' },
      call.role,
      { text: where, className: `where-${where}` },
      call.model,
      call.provider,
      formatTokens(call.promptTokens, call.completionTokens, call.usageSource === 'estimated'),
      formatLatency(call.latencyMs),
      call.ttftMs === null ? '-' : formatLatency(call.ttftMs),
      approx(formatUsd(call.costUsd), call.usageSource === 'estimated'),
      call.status === 'ok' ? 'ok' : errorCell(call.error),
    ];
  });
  return htmlTable(
    [
      { header: 'Time' }, { header: 'Step' }, { header: 'Role' }, { header: 'Where' }, { header: 'Model' }, { header: 'Provider' },
      { header: 'Tokens in/out', num: true }, { header: 'Latency', num: true }, { header: 'TTFT', num: true }, { header: 'Cost', num: true }, { header: 'Status' },
    ],
    rows,
    { className: 'calls' },
  );
}
