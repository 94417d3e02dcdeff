import type { CostSum } from './savings.js';

/** An integer with thousands separators: 4200 -> "4,200" (fixed, whatever the machine's locale). */
export function formatInt(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Prompt and completion tokens: "4,200 / 310"; counted by tandem (the gateway sent no usage): "~4,200 / ~310". */
export function formatTokens(promptTokens: number, completionTokens: number, estimated = false): string {
  const mark = estimated ? '~' : '';
  return `${mark}${formatInt(promptTokens)} / ${mark}${formatInt(completionTokens)}`;
}

/** A figure computed from estimated tokens, marked "~" (a cost priced on tandem's own count). */
export function approx(text: string, estimated: boolean | undefined): string {
  return estimated && text !== '?' ? `~${text}` : text;
}

/** Milliseconds as seconds with one decimal: 8200 -> "8.2s". */
export function formatLatency(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** USD with 4 decimals ("$0.0120"); unknown is "?"; a tiny non-zero cost is "<$0.0001" rather than a false "$0.0000". */
export function formatUsd(usd: number | null): string {
  if (usd === null) return '?';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs > 0 && abs < 0.00005) return `${sign}<$0.0001`;
  return `${sign}$${abs.toFixed(4)}`;
}

/** A sum of costs: exact, a lower bound ("≥$0.0120") when some part is unknown, or "?" when nothing is known. */
export function formatCostSum(sum: CostSum | null): string {
  if (sum === null) return '?';
  return sum.partial ? `≥${formatUsd(sum.usd)}` : formatUsd(sum.usd);
}

/** Local time as "2025-03-01 10:02:07". */
export function formatTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * Cuts `text` to `width` characters with an ellipsis: at the end, at the start (paths, whose end matters
 * most), or in the middle keeping both ends (model names: "anthropic/…sonnet-4" keeps the vendor whole
 * when it takes at most half the room).
 */
export function truncate(text: string, width: number, from: 'end' | 'start' | 'middle' = 'end'): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  if (from === 'end') return `${chars.slice(0, width - 1).join('')}…`;
  if (from === 'start') return `…${chars.slice(chars.length - width + 1).join('')}`;
  const room = width - 1;
  const slash = chars.indexOf('/') + 1;
  const head = slash > 0 && slash <= Math.ceil(room / 2) + 1 && slash < room ? slash : Math.ceil(room / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (room - head)).join('')}`;
}

/** One line of free text: newlines and runs of spaces collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Bytes for people: 512 B, 4.1 KB, 3.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
