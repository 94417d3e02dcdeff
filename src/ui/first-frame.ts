/** The terminal ends the first frame needs: no ink, no react. */
export interface FrameTerminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

/** The prompt drawn before ink is loaded, and what was typed into it meanwhile. */
export interface FirstFrame {
  /** Stops taking keys, erases the frame and gives back the text typed so far (and whether Ctrl-C was pressed). */
  stop(): { text: string; submitted: boolean; interrupted: boolean };
}

const PLACEHOLDER = 'describe a change, or /help';
const HINT = 'enter plan and apply · /help commands · ctrl-c quit';

/**
 * Draws the session's prompt at once with plain escape codes (the same lines TaskInput draws), and keeps
 * what the user types, echoed, while ink, the pipeline and the repository load behind it. Enter submits
 * the line once the real prompt is there (keys after it wait for ink); Ctrl-C is remembered so the
 * session can end as soon as it may.
 */
export function drawFirstFrame({ stdin, stdout }: FrameTerminal, env: NodeJS.ProcessEnv = process.env): FirstFrame {
  const plain = 'NO_COLOR' in env;
  const style = (code: string, text: string) => (plain ? text : `\x1b[${code}m${text}\x1b[0m`);
  let text = '';
  let interrupted = false;
  let submitted = false;
  const line = () => `\r› ${text === '' ? style('2', PLACEHOLDER) : text}\x1b[K\r\x1b[${2 + text.length}C`;
  stdout.write(`\n${line()}\n${style('2', HINT)}\x1b[1A${line()}`);
  const onData = (chunk: Buffer | string) => {
    for (const char of chunk.toString()) {
      if (submitted) break;
      if (char === '\x03') interrupted = true;
      else if (char === '\r' || char === '\n') submitted = text.trim() !== '';
      else if (char === '\x7f' || char === '\b') text = text.slice(0, -1);
      else if (char >= ' ' && char !== '\x7f') text += char;
    }
    stdout.write(line());
  };
  const raw = typeof stdin.setRawMode === 'function';
  if (raw) stdin.setRawMode(true);
  // Read the way ink reads ('readable', never 'data'), so the stream is left in the mode ink expects.
  const onReadable = () => {
    let chunk: Buffer | string | null;
    while ((chunk = stdin.read() as Buffer | string | null) !== null) onData(chunk);
  };
  stdin.on('readable', onReadable);
  return {
    stop() {
      stdin.off('readable', onReadable);
      if (raw) stdin.setRawMode(false);
      // Back to the blank line above the prompt, and clear down: ink draws its frame from there.
      stdout.write('\x1b[1A\r\x1b[J');
      return { text, submitted, interrupted };
    },
  };
}
