import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { useState, type ReactNode } from 'react';

/** A screen under test. */
export interface Tui {
  /** The last frame as plain text (no ANSI), trailing spaces trimmed. */
  frame(): string;
  /** The last frame with the screen's line wrapping undone (line breaks as single spaces), for sentences longer than a line. */
  text(): string;
  /** The last frame as written, escape codes and all. */
  rawFrame(): string;
  /** Presses a named key (`enter`, `escape`, `up`, `down`, `space`, `ctrl-c`, `pagedown`...) or types the text given, then flushes. */
  press(key: string): Promise<void>;
  /** Lets pending input, effects and promises settle. */
  flush(): Promise<void>;
  /** Flushes until the frame contains `text`, wrapped or not (or fails after a second, showing the frame). */
  until(text: string): Promise<void>;
  unmount(): void;
}

const KEYS: Record<string, string> = {
  enter: '\r',
  escape: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageup: '\x1b[5~',
  pagedown: '\x1b[6~',
  space: ' ',
  backspace: '\x7f',
  tab: '\t',
  'ctrl-c': '\x03',
};

/**
 * Renders `node` with ink-testing-library on a terminal `columns` x `rows` big. The tree mounts only once
 * the size is set, so even the first frame (and anything written to the scrollback) has that width.
 */
export async function renderTui(node: ReactNode, size: { columns?: number; rows?: number } = {}): Promise<Tui> {
  const gate: { open?: () => void } = {};
  const result = render(<Gate gate={gate}>{node}</Gate>);
  Object.defineProperty(result.stdout, 'columns', { value: size.columns ?? 80 });
  Object.defineProperty(result.stdout, 'rows', { value: size.rows ?? 24 });
  gate.open?.();
  const flush = async () => {
    // Ink holds a lone ESC until the next macrotask (it may start a sequence); pipeline promises need a few turns too.
    for (let i = 0; i < 4; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  };
  await flush();
  const frame = () =>
    stripVTControlCharacters(result.lastFrame() ?? '')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n+$/, '');
  const text = () => frame().replace(/\s*\n\s*/g, ' ');
  return {
    frame,
    text,
    rawFrame: () => result.lastFrame() ?? '',
    async press(key) {
      result.stdin.write(KEYS[key] ?? key);
      await flush();
    },
    flush,
    async until(wanted) {
      const deadline = Date.now() + 1000;
      while (!frame().includes(wanted) && !text().includes(wanted)) {
        if (Date.now() > deadline) throw new Error(`"${wanted}" never showed; the frame was:\n${frame()}`);
        await flush();
      }
    },
    unmount: () => result.unmount(),
  };
}

function Gate({ gate, children }: { gate: { open?: () => void }; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  gate.open = () => setOpen(true);
  return open ? <>{children}</> : null;
}
