#!/usr/bin/env node
// Cold start of `tandem --version` and `--help` beside `node -e 0`, measured in the same run,
// interleaved so machine noise hits all three alike. Usage: node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? 30);
const bin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
const cases = {
  'node -e 0': ['-e', '0'],
  'tandem --version': [bin, '--version'],
  'tandem --help': [bin, '--help'],
};
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));

for (let i = 0; i < runs + 3; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
    if (i >= 3) times[name].push(ms); // the first three runs warm the file cache
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`runs: ${runs} each, node ${process.version}`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`${name.padEnd(18)} median ${m.toFixed(1).padStart(7)} ms   p90 ${[...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)].toFixed(1).padStart(7)} ms   ${(m / base).toFixed(2)}x node -e 0`);
}
