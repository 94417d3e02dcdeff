import { usageError } from '../errors.js';

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * The start of a `--since` period: a span back from `now` (`30m`, `24h`, `7d`, `2w`) or an ISO date or
 * date-time (`2025-03-01` is midnight UTC). Throws a usage error for anything else.
 */
export function parseSince(value: string, now: Date = new Date()): Date {
  const text = value.trim();
  const span = /^(\d+)\s*([mhdw])$/i.exec(text);
  if (span) return new Date(now.getTime() - Number(span[1]) * UNIT_MS[span[2].toLowerCase()]);
  // Only ISO shapes: Date.parse also takes loose forms like "7 May" whose meaning depends on the platform.
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const date = new Date(text.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw usageError(`invalid --since "${value}"`, 'give a span such as 30m, 24h, 7d or 2w, or an ISO date such as 2025-03-01');
}
