import type { CheckStatus, DoctorReport } from './types.js';

const LABEL: Record<CheckStatus, string> = { pass: 'ok  ', warn: 'warn', fail: 'FAIL', skip: 'skip' };

/** The checklist as text: one line per check, the fix under each failure or warning, a closing verdict. */
export function renderDoctor(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${LABEL[check.status]}  ${check.title.padEnd(width)}  ${check.detail}`);
    if (check.fix && (check.status === 'fail' || check.status === 'warn')) lines.push(`${' '.repeat(width + 8)}fix: ${check.fix}`);
  }
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const warned = report.checks.filter((c) => c.status === 'warn').length;
  const also = warned > 0 ? ` (${warned} warning${warned === 1 ? '' : 's'})` : '';
  lines.push('', failed === 0 ? `All checks passed${also}.` : `${failed} of ${report.checks.length} checks failed${also}.`);
  return `${lines.join('\n')}\n`;
}
