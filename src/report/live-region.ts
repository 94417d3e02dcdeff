import { truncate } from './format.js';
import type { ProgressStream } from './progress.js';

/**
 * A few lines at the bottom of a terminal, redrawn in place, with permanent lines printed above them
 * (what log-update does, in the few escape codes needed). Every live line is cut to the width so the
 * terminal never wraps one, which would break the redraw.
 */
export interface LiveRegion {
  /** Prints a permanent line above the live lines. */
  print(line: string): void;
  /** Replaces the live lines. */
  draw(lines: string[]): void;
  /** Erases the live lines. */
  clear(): void;
}

/** A live region on `stream`, `width` columns wide. */
export function createLiveRegion(stream: ProgressStream, width: number): LiveRegion {
  // Every live line ends with a newline (the cursor rests under the region), so a log of the output has
  // one line per frame rather than frames joined by carriage returns; a redraw moves up and clears.
  let shown = 0;
  const erase = () => {
    if (shown === 0) return '';
    const text = `\x1b[${shown}A\x1b[J`;
    shown = 0;
    return text;
  };
  let current: string[] = [];
  const render = (lines: string[]) => {
    shown = lines.length;
    return lines.map((line) => `${truncate(line, Math.max(width - 1, 1))}\n`).join('');
  };
  return {
    print(line) {
      stream.write(`${erase()}${line}\n${render(current)}`);
    },
    draw(lines) {
      current = lines;
      stream.write(`${erase()}${render(lines)}`);
    },
    clear() {
      current = [];
      stream.write(erase());
    },
  };
}
