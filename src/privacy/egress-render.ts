import { formatBytes, formatInt, formatTime } from '../report/format.js';
import { renderColumns, type Row, type TableOptions } from '../report/layout.js';
import type { RunEgress } from './egress-summary.js';

const amount = (bytes: number, tokens: number): string => (bytes === 0 ? '-' : `${formatBytes(bytes)} (${formatInt(tokens)} tok)`);

/** The per-run table: when, privacy level, calls, what went to the cloud and to local models, secrets redacted, files withheld. */
export function renderRunsTable(runs: readonly RunEgress[], options: TableOptions = {}): string {
  const rows: Row[] = runs.map((run) => [
    run.runId,
    formatTime(new Date(run.firstTs)),
    run.privacy.join(', '),
    formatInt(run.calls),
    amount(run.cloudBytes, run.cloudTokens),
    amount(run.localBytes, run.localTokens),
    formatInt(run.redactions),
    formatInt(run.withheld.length),
  ]);
  return renderColumns(
    [
      { header: 'Run', shrink: 'start', min: 12 },
      { header: 'Started', drop: 3 },
      { header: 'Privacy', shrink: 'end', min: 8, drop: 4 },
      { header: 'Calls', align: 'right', drop: 5 },
      { header: 'To the cloud', align: 'right' },
      { header: 'To local models', align: 'right', drop: 2 },
      { header: 'Redacted', align: 'right', drop: 6 },
      { header: 'Withheld', align: 'right', drop: 6 },
    ],
    rows,
    options,
  );
}

/** The per-file table of one run: each file's form, how often it went out, the bytes on each side and where to. */
export function renderFilesTable(run: RunEgress, options: TableOptions = {}): string {
  const rows: Row[] = run.files.map((file) => [
    file.path,
    file.forms.join(', '),
    formatInt(file.sends),
    amount(file.cloudBytes, file.cloudTokens),
    amount(file.localBytes, file.localTokens),
    formatInt(file.redactions),
    file.to.join('; '),
  ]);
  const table = renderColumns(
    [
      { header: 'File', shrink: 'start', min: 12 },
      { header: 'As', shrink: 'end', min: 7, drop: 3 },
      { header: 'Sent', align: 'right', drop: 4 },
      { header: 'To the cloud', align: 'right' },
      { header: 'To local models', align: 'right', drop: 2 },
      { header: 'Redacted', align: 'right', drop: 6 },
      { header: 'To', shrink: 'end', min: 12, drop: 5 },
    ],
    rows,
    options,
  );
  const withheld = run.withheld.length > 0 ? `\nWithheld (never sent): ${run.withheld.join(', ')}` : '';
  return `${run.files.length === 0 ? 'No file content or outline was sent in this run.' : table}${withheld}`;
}
