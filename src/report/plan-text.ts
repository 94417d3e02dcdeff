import type { CallSummary, SavedPlan } from '../architect/types.js';
import { formatLatency, formatTokens, formatUsd } from './format.js';
import { renderColumns } from './layout.js';

/** The plan as a numbered list, the way `tandem plan` prints it. */
export function renderPlan(plan: SavedPlan): string {
  const lines = [`Plan ${plan.id}: ${plan.summary || plan.task}`];
  for (const [index, step] of plan.steps.entries()) {
    const action = step.action === 'edit' ? '' : ` (${step.action})`;
    const after = step.depends_on.length > 0 ? `  after ${step.depends_on.map((d) => d + 1).join(', ')}` : '';
    lines.push(`  ${index + 1}. ${step.title}  ${step.file}${action}${after}`);
    if (step.instructions.trim()) lines.push(...wrap(step.instructions.trim(), 96).map((line) => `     ${line}`));
  }
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The architect call's cost row, printed under the plan. */
export function renderPlanCost(call: CallSummary, width?: number): string {
  return renderColumns(
    [{ header: 'Step' }, { header: 'Model', shrink: 'end' }, { header: 'Provider', shrink: 'end' }, { header: 'Tokens in/out', align: 'right' }, { header: 'Latency', align: 'right' }, { header: 'Cost', align: 'right' }],
    [['plan', call.model, call.provider, formatTokens(call.promptTokens, call.completionTokens), formatLatency(call.latencyMs), formatUsd(call.costUsd)]],
    width,
  );
}
