import type { CallSummary, SavedPlan } from '../architect/types.js';
import { formatLatency, formatTokens, formatUsd, truncate } from './format.js';
import { dimTone } from './color.js';
import { renderColumns, type TableOptions } from './layout.js';

/** The plan as a numbered list, the way `tandem plan` prints it; instructions wrap to `width` (96 wide when unbounded). */
export function renderPlan(plan: SavedPlan, width?: number): string {
  const wrapAt = Math.max(20, Math.min(96, (width ?? 101) - 5));
  const title = `Plan ${plan.id}: ${plan.summary || plan.task}`;
  const lines = [width === undefined ? title : truncate(title, width)];
  for (const [index, step] of plan.steps.entries()) {
    const action = step.action === 'edit' ? '' : ` (${step.action})`;
    const after = step.depends_on.length > 0 ? `  after ${step.depends_on.map((d) => d + 1).join(', ')}` : '';
    const head = `  ${index + 1}. ${step.title}  ${step.file}${action}${after}`;
    lines.push(width === undefined ? head : truncate(head, width));
    if (step.instructions.trim()) lines.push(...wrap(step.instructions.trim(), wrapAt).map((line) => `     ${line}`));
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
export function renderPlanCost(call: CallSummary, options: TableOptions = {}): string {
  return renderColumns(
    [{ header: 'Step' }, { header: 'Model', shrink: 'middle', min: 16 }, { header: 'Provider', shrink: 'middle', min: 10, drop: 3 }, { header: 'Tokens in/out', align: 'right', drop: 1 }, { header: 'Latency', align: 'right', drop: 2 }, { header: 'Cost', align: 'right', tone: dimTone }],
    [['plan', call.model, call.provider, formatTokens(call.promptTokens, call.completionTokens), formatLatency(call.latencyMs), formatUsd(call.costUsd)]],
    options,
  );
}
