import { Text } from 'ink';
import { useTheme } from './use-theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

// The frame at time `now` (ms): a fixed clock draws a fixed frame.
function spinnerFrame(now: number): string {
  return FRAMES[Math.floor(now / 80) % FRAMES.length];
}

/** A spinner drawn from the time it is given, so a fixed clock draws a fixed frame. */
export function Spinner({ now }: { now: number }) {
  const theme = useTheme();
  return <Text color={theme.accent}>{spinnerFrame(now)}</Text>;
}
