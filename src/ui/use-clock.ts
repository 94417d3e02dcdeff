import { createContext, useContext, useEffect, useState } from 'react';

/** Where the screens read the time from; tests pass a fixed clock that never ticks, for stable frames. */
export interface Clock {
  now: () => number;
  /** How often live screens redraw (spinners, elapsed time); 0 never. */
  tickMs: number;
}

/** The clock the session runs on. */
export const ClockContext = createContext<Clock>({ now: Date.now, tickMs: 100 });

/** The clock in use. */
export function useClock(): Clock {
  return useContext(ClockContext);
}

/** The current time, redrawing the calling component every tick while it is mounted. */
export function useNow(): number {
  const clock = useClock();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (clock.tickMs <= 0) return;
    const timer = setInterval(() => setTick((n) => n + 1), clock.tickMs);
    return () => clearInterval(timer);
  }, [clock]);
  return clock.now();
}
