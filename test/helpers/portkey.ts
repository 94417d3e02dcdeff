import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

const require = createRequire(import.meta.url);

/** The open-source Portkey gateway's server script, or undefined when the package cannot be loaded. */
export function portkeyEntry(): string | undefined {
  try {
    return require.resolve('@portkey-ai/gateway/build/start-server.js');
  } catch {
    return undefined;
  }
}

/** Portkey's CLI takes only --port and listens on every interface; this preload keeps it on loopback. */
const LOOPBACK_ONLY =
  "import net from 'node:net'; const listen = net.Server.prototype.listen;" +
  "net.Server.prototype.listen = function (...args) { if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');" +
  "else if (args[0] && typeof args[0] === 'object' && !args[0].host) args[0] = { ...args[0], host: '127.0.0.1' }; return listen.apply(this, args); };";

/**
 * Portkey's `loadbalance` draws one Math.random() per request; alternating low and high draws makes a
 * two-target pool with equal weights serve strictly in turn, so a test of "both hosts served" cannot flake.
 */
const ALTERNATING_RANDOM = 'let draws = 0; Math.random = () => (draws++ % 2 === 0 ? 0.25 : 0.75);';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts Portkey on 127.0.0.1 and waits until it answers HTTP; fails with its output if it dies first. */
export async function startPortkey(script: string, options: { alternate?: boolean } = {}): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const preload = `data:text/javascript,${encodeURIComponent(LOOPBACK_ONLY + (options.alternate ? ALTERNATING_RANDOM : ''))}`;
  const child = spawn(process.execPath, ['--import', preload, script, `--port=${port}`, '--headless'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portkey exited with ${child.exitCode}: ${output}`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return { url: `http://127.0.0.1:${port}/v1`, child };
    } catch {
      if (Date.now() > deadline) throw new Error(`Portkey did not answer on port ${port} within 10 s: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
