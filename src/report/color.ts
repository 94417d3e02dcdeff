/** What a piece of output means, which decides its colour: applied, failed, refused or skipped, and secondary figures. */
export type Tone = 'ok' | 'error' | 'warn' | 'dim';

const CODES: Record<Tone, [number, number]> = { ok: [32, 39], error: [31, 39], warn: [33, 39], dim: [2, 22] };

/** `text` in its tone's ANSI colour (nothing for no tone); callers decide whether colour is on. */
export function paint(tone: Tone | undefined, text: string): string {
  if (!tone || text === '') return text;
  const [open, close] = CODES[tone];
  return `\x1b[${open}m${text}\x1b[${close}m`;
}

/** The tone of a step status or status count: green applied, red failed, yellow skipped or refused. */
export function statusTone(text: string): Tone | undefined {
  if (/failed|error/.test(text)) return 'error';
  if (/skipped|refused|cancelled/.test(text)) return 'warn';
  if (/applied|^ok$/.test(text)) return 'ok';
  return undefined;
}

/** Costs and other secondary figures are dim. */
export const dimTone = (): Tone => 'dim';
