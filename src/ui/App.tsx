import { Static, useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
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
  /** Told the session's exit code just before the app unmounts. */
  onExit(exitCode: number): void;
  theme?: Theme;
  clock?: Clock;
}

const WALL_CLOCK: Clock = { now: Date.now, tickMs: 100 };

/** The interactive session: the scrollback (written once) above the live screen. */
export function App({ services, onExit, theme = themeFor(process.env), clock = WALL_CLOCK }: AppProps) {
  return (
    <ThemeContext.Provider value={theme}>
      <ClockContext.Provider value={clock}>
        <Session services={services} onExit={onExit} />
      </ClockContext.Provider>
    </ThemeContext.Provider>
  );
}

function Session({ services, onExit }: Pick<AppProps, 'services' | 'onExit'>) {
  const { exit } = useApp();
  const [closing, setClosing] = useState(false);
  const session = useSession(services, (exitCode) => {
    onExit(exitCode);
    setClosing(true);
  });
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
