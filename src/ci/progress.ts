import type { PipelineEvent } from '../pipeline/events.js';
import { formatLatency } from '../report/format.js';
import type { ProgressStream } from '../report/progress.js';

/** Progress lines for the verify loop and the budget: rounds, check runs and results, a budget stop. */
export function createVerifyPrinter(stream: ProgressStream): (event: PipelineEvent) => void {
  return (event) => {
    switch (event.type) {
      case 'round-start':
        if (event.kind === 'fix') stream.write(`Fix-up round ${event.round}: ${event.steps.length} new ${event.steps.length === 1 ? 'step' : 'steps'}\n`);
        break;
      case 'check-start':
        stream.write(`${event.step === undefined ? `Checking round ${event.round}` : `  checking after step ${event.step + 1}`}: ${event.command}\n`);
        break;
      case 'check-result': {
        const { check } = event;
        const how = check.passed ? 'passed' : `failed (exit ${check.exitCode ?? 'none'})`;
        stream.write(`${event.step === undefined ? '' : '  '}  ${check.passed ? '✓' : '✗'} check ${how} in ${formatLatency(check.durationMs)}\n`);
        if (!check.passed && event.step === undefined) stream.write(`${indent(lastLines(check.output, 12))}\n`);
        break;
      }
      case 'budget-stop':
        stream.write(`  ! ${event.stop.message}\n`);
        break;
      default:
        break;
    }
  };
}

function lastLines(text: string, count: number): string {
  return text.split('\n').slice(-count).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}
