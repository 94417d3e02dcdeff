import { Static, useApp, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { ClockContext, type Clock } from './use-clock.js';
import { HistoryLine } from './HistoryLine.js';
import type { SessionServices } from './session-services.js';
import { SessionScreen } from './SessionScreen.js';
import { themeFor, type Theme } from './theme.js';
import { useSession } from './use-session.js';
import { ThemeContext } from './use-theme.js';

/** Props of App. */
export interface AppProps {
  services: SessionServices;
  /** What was typed into the first frame before the app was loaded. */
  initialPrompt?: string;
  /** Enter was pressed in the first frame: the initial prompt is submitted as soon as the app is up. */
  initialSubmit?: boolean;
  /** Told the session's exit code just before the app unmounts. */
  onExit(exitCode: number): void;
  theme?: Theme;
  clock?: Clock;
}

const WALL_CLOCK: Clock = { now: Date.now, tickMs: 100 };

/** The interactive session: the scrollback (written once) above the live screen. */
export function App({ services, initialPrompt, initialSubmit, onExit, theme = themeFor(process.env), clock = WALL_CLOCK }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <ClockContext.Provider value={clock}>
        <Session services={services} initialPrompt={initialPrompt} initialSubmit={initialSubmit} onExit={onExit} />
      </ClockContext.Provider>
    </ThemeContext.Provider>
  );
}

function Session({ services, initialPrompt, initialSubmit, onExit }: Pick<AppProps, 'services' | 'initialPrompt' | 'initialSubmit' | 'onExit'>) {
  const { exit } = useApp();
  const [closing, setClosing] = useState(false);
  const session = useSession(
    services,
    (exitCode) => {
      onExit(exitCode);
      setClosing(true);
    },
    initialPrompt,
  );
  const submitted = useRef(false);
  useEffect(() => {
    if (!initialSubmit || submitted.current || !initialPrompt) return;
    submitted.current = true;
    session.submit(initialPrompt);
  }, [initialSubmit, initialPrompt, session]);
  // The live screen is drawn empty first, so leaving does not strand a prompt in the terminal.
  useEffect(() => {
    if (closing) exit();
  }, [closing, exit]);
  // Raw mode turns Ctrl-C into a key: it cancels the run in flight, or quits.
  useInput((input, key) => {
    if (key.ctrl && input === 'c') session.interrupt();
  });
  return (
    <>
      <Static items={session.history}>{(item) => <HistoryLine key={item.id} item={item} />}</Static>
      {!closing && <SessionScreen session={session} />}
    </>
  );
}
