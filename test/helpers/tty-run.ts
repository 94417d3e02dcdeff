import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BIN, isolatedHome } from './cli.js';

const run = promisify(execFile);

/** One scripted answer: once the screen has shown `when` (after the previous answer), type `send`. */
export interface TtyAnswer {
  when: string;
  send: string;
}

/** What a run in the pseudo-terminal did: everything it printed (ANSI included) and its exit code. */
export interface TtyResult {
  exitCode: number;
  output: string;
}

// Python's pty gives the CLI a real terminal on stdin and stdout, sized like the user's, with no extra package.
const DRIVER = String.raw`
import json, os, pty, select, signal, struct, sys, termios, fcntl, time
spec = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    os.execvpe(spec['argv'][0], spec['argv'], spec['env'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['cols'], 0, 0))
os.kill(pid, signal.SIGWINCH)
out, answers, seen = b'', list(spec['answers']), 0
deadline = time.time() + spec['timeout']
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if answers and answers[0]['when'].encode() in out[seen:]:
        seen = out.index(answers[0]['when'].encode(), seen) + len(answers[0]['when'])
        time.sleep(0.05)
        os.write(fd, answers.pop(0)['send'].encode())
_, status = os.waitpid(pid, 0)
sys.stdout.write(json.dumps({'exitCode': os.waitstatus_to_exitcode(status), 'output': out.decode('utf8', 'replace')}))
`;

/** Runs `tandem ...args` in a pseudo-terminal (80x24 unless told), typing each answer when its prompt shows. */
export async function runInTty(
  args: string[],
  options: { cwd: string; answers?: TtyAnswer[]; env?: Record<string, string>; cols?: number; rows?: number; timeoutMs?: number },
): Promise<TtyResult> {
  const env = { PATH: process.env.PATH ?? '', HOME: await isolatedHome(), TERM: 'xterm-256color', NO_COLOR: '1', ...options.env };
  const spec = {
    argv: ['node', BIN, ...args],
    cwd: options.cwd,
    env,
    cols: options.cols ?? 80,
    rows: options.rows ?? 24,
    answers: options.answers ?? [],
    timeout: (options.timeoutMs ?? 30_000) / 1000,
  };
  const { stdout } = await run('python3', ['-c', DRIVER, JSON.stringify(spec)], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as TtyResult;
}
