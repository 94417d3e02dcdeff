#!/usr/bin/env node
// Cold start beside `node -e 0`, measured in the same run and interleaved so machine noise hits every
// case alike: `tandem --version` and `--help`; spawn-to-request (from spawning `tandem plan` on a
// two-file repository until the fake gateway receives the architect's request); and the interactive
// session's time-to-prompt in an 80x24 pseudo-terminal. Usage: node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeGateway } from '../dist/sim/gateway-server.js';
import { smallRepo, spawnToRequest, timeToPrompt } from './startup-request.mjs';

const runs = Number(process.argv[2] ?? 10);
const bin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
const plan = JSON.stringify({ summary: 's', steps: [{ title: 't', file: 'math.ts', action: 'edit', instructions: 'i', depends_on: [] }] });
const gateway = await startFakeGateway({ routes: [{ replies: () => ({ text: plan }) }] });
const root = smallRepo();

const spawned = (args) => () => {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const cases = {
  'node -e 0': spawned(['-e', '0']),
  'tandem --version': spawned([bin, '--version']),
  'tandem --help': spawned([bin, '--help']),
  'plan: spawn to request': () => spawnToRequest(root, gateway.url, gateway.requests),
  'session: time to prompt': () => timeToPrompt(root),
};
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
for (let i = 0; i < runs + 2; i++) {
  for (const [name, measure] of Object.entries(cases)) {
    const ms = await measure();
    if (i >= 2) times[name].push(ms); // the first two rounds warm the file cache
  }
}
await gateway.close();
rmSync(root, { recursive: true, force: true });

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`runs: ${runs} each, node ${process.version}`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const p90 = sorted(xs)[Math.floor(xs.length * 0.9)];
  console.log(`${name.padEnd(24)} median ${m.toFixed(0).padStart(6)} ms   p90 ${p90.toFixed(0).padStart(6)} ms   ${(m / base).toFixed(2)}x node -e 0`);
}
