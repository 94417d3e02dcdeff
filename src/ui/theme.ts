/** Colours the screens use: named ANSI colours only, so the terminal's own palette keeps them readable on light and dark backgrounds. */
export interface Theme {
  accent?: string;
  ok?: string;
  error?: string;
  warn?: string;
  added?: string;
  removed?: string;
  hunk?: string;
}

const COLOURS: Theme = { accent: 'cyan', ok: 'green', error: 'red', warn: 'yellow', added: 'green', removed: 'red', hunk: 'cyan' };

/** The theme for an environment: no colour at all when NO_COLOR is set to anything non-empty (no-color.org). */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return env.NO_COLOR ? {} : COLOURS;
}
