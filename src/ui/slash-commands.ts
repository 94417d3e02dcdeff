import { didYouMean } from '../suggest.js';

/** Slash commands of the session. */
export const SLASH_COMMANDS = {
  undo: "revert the last run's commits",
  log: 'the activity log: every model call (newest 20; /log 50 for more)',
  stats: 'model calls summed by role, model and provider, with the saving',
  config: 'the resolved configuration (keys hidden)',
  help: 'this list and the keys',
  quit: 'leave the session',
} as const;

/** The name of a slash command. */
export type SlashName = keyof typeof SLASH_COMMANDS;

/** What a line typed at the prompt asks for. */
export type PromptLine =
  | { kind: 'empty' }
  | { kind: 'task'; task: string }
  | { kind: 'command'; name: SlashName; args: string[] }
  | { kind: 'unknown'; name: string };

const ALIASES: Record<string, SlashName> = { exit: 'quit', q: 'quit', '?': 'help' };

/** Reads one submitted line: a task, a slash command (with its words), or nothing. */
export function parsePromptLine(line: string): PromptLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (!text.startsWith('/')) return { kind: 'task', task: text };
  const [word, ...args] = text.slice(1).split(/\s+/);
  const name = (ALIASES[word.toLowerCase()] ?? word.toLowerCase()) as string;
  return name in SLASH_COMMANDS ? { kind: 'command', name: name as SlashName, args } : { kind: 'unknown', name: word };
}

/** The /help text: the commands, then the keys of each screen. */
export function helpText(): string {
  const width = Math.max(...Object.keys(SLASH_COMMANDS).map((name) => name.length)) + 1;
  const commands = Object.entries(SLASH_COMMANDS).map(([name, what]) => `  /${name.padEnd(width)} ${what}`);
  return [
    'Type a task: the architect plans, you review, the editor commits each step.',
    ...commands,
    'Plan review: ↑↓ move · space toggle a step · e edit its instructions · r revise it in words · enter apply · esc cancel',
    'Running: ↑↓ select a step · enter open its diff · ctrl-c cancel (twice quits)',
    'Diff: ↑↓ pgup pgdn scroll · r revert the step · esc keep it',
  ].join('\n');
}

/** What to say about a mistyped slash command: the nearest commands, then where the list is. */
export function unknownSlashHint(name: string): string {
  const near = didYouMean(name, [...Object.keys(SLASH_COMMANDS), ...Object.keys(ALIASES)], (command) => `/${command}`);
  return `${near ? `${near} ` : ''}Type /help for the list.`;
}
