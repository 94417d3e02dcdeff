import { ExitCode, usageError } from '../errors.js';
import type { Concurrency } from '../pipeline/concurrency.js';
import { drawFirstFrame } from '../ui/first-frame.js';
import type { ConfigFlags } from './options.js';

/** Options of `tandem session` (also plain `tandem`). */
export interface SessionOptions extends ConfigFlags {
  concurrency: Concurrency;
  allowDirty?: boolean;
  inPlace?: boolean;
}

/** Streams `tandem session` needs to be interactive. */
export interface Terminal {
  stdin: { isTTY?: boolean };
  stdout: { isTTY?: boolean };
}

/**
 * `tandem` / `tandem session`: the interactive ink session. Without a terminal on both ends nobody could
 * answer it, so it refuses at once (exit 2) rather than wait. Ink and React are loaded only here, while
 * the first frame (plain escape codes) already takes the task.
 */
export async function sessionCommand(options: SessionOptions, terminal: Terminal = process): Promise<number> {
  if (!terminal.stdin.isTTY || !terminal.stdout.isTTY) {
    throw usageError('the interactive session needs a terminal', 'usage: tandem [session] in a terminal; in scripts use tandem run "<task>" --yes (or --ci)');
  }
  // The prompt is drawn before anything loads; keys typed meanwhile are kept for the real one.
  const frame = drawFirstFrame(process);
  let typed;
  let loaded;
  try {
    loaded = await Promise.all([openServices(options), import('ink'), import('react'), import('../ui/App.js')]);
  } finally {
    typed = frame.stop();
  }
  if (typed.interrupted) {
    // Ink never took the terminal: let go of standard input, or it would keep the process alive.
    process.stdin.pause();
    (process.stdin as { unref?: () => void }).unref?.();
    return ExitCode.interrupted;
  }
  const [services, { render }, { createElement }, { App }] = loaded;
  let exitCode = 0;
  const app = render(createElement(App, { services, initialPrompt: typed.text, initialSubmit: typed.submitted, onExit: (code: number) => (exitCode = code) }), { exitOnCtrlC: false });
  await app.waitUntilExit();
  return exitCode;
}


/** The project, its preflight checks and the services the screens use, loaded behind the first frame. */
async function openServices(options: SessionOptions) {
  const [{ openProject }, { preflight }, { createSessionServices }] = await Promise.all([
    import('./options.js'),
    import('../workspace/preflight.js'),
    import('./session-services.js'),
  ]);
  const { workspace, config } = await openProject(options);
  Object.assign(process.env, await preflight(workspace, { ci: false, inPlace: options.inPlace }));
  return createSessionServices(workspace, config, options);
}
