import type { RunReport } from '../report/types.js';

/** Escapes a workflow command's message as GitHub's toolkit does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as data, plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error` workflow command (`::error file=<path>::<message>`), escaped per GitHub's rules. */
export function errorCommand(message: string, properties: { file?: string } = {}): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(value as string)}`)
    .join(',');
  return `::error${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** The annotations for a finished run under GitHub Actions: one per failed step on its file, one for a check that never passed, one for a budget stop. */
export function runAnnotations(report: RunReport): string[] {
  const lines = report.steps
    .filter((step) => step.status === 'failed')
    .map((step) => errorCommand(`tandem step ${step.index + 1} (${step.title}) failed: ${step.reason ?? 'no reason given'}`, { file: step.file }));
  if (report.check && !report.check.passed) {
    const rounds = report.rounds?.length ?? 1;
    lines.push(errorCommand(`the check \`${report.check.command}\` still fails after ${rounds} ${rounds === 1 ? 'round' : 'rounds'}`));
  }
  if (report.budget?.stopped) lines.push(errorCommand(`tandem stopped: ${report.budget.stopped.message}`));
  return lines;
}
