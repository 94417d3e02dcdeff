// Outline benchmark: builds the architect's repository map of a 10,000-file repository, cold (no
// cache) and warm (cache under .tandem/), and prints the figures. Needs `npm run build` first.
// Usage: node bench/outline/run.mjs [--source generated|node_modules] [--files 10000] [--budget 24000] [--runs 5]
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeRepo } from './generate.mjs';

const { countTokens } = await import('../../dist/tokens/count.js');

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'generated' },
    files: { type: 'string', default: '10000' },
    budget: { type: 'string', default: '24000' },
    runs: { type: 'string', default: '5' },
    task: { type: 'string', default: 'add a retry limit to the session token cache used by login' },
  },
});
const files = Number(values.files);
const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

const root = makeRepo(values.source, files, nodeModules);
const tracked = execFileSync('git', ['ls-files'], { cwd: root, maxBuffer: 1 << 28 }).toString().split('\n').filter(Boolean).length;
// Each measurement runs in a fresh Node process, as a tandem command does. bash's `time` adds the CPU
// seconds of the process and its git children: on a busy machine wall time swings, CPU time much less.
const script = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const measure = () => {
  const result = spawnSync('bash', ['-c', 'TIMEFORMAT="%U %S"; time node "$@"', 'measure', script, root, values.budget, values.task], { encoding: 'utf8' });
  const [user, sys] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ...JSON.parse(result.stdout), cpuMs: Math.round((user + sys) * 1000) };
};

const cold = measure();
const warm = Array.from({ length: Number(values.runs) }, measure);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  source: values.source,
  files: tracked,
  budget: Number(values.budget),
  coldMs: cold.ms,
  coldCallMs: cold.callMs,
  coldCpuMs: cold.cpuMs,
  warmMedianMs: median(warm.map((w) => w.ms)),
  warmMedianCallMs: median(warm.map((w) => w.callMs)),
  warmMs: warm.map((w) => w.ms),
  warmMedianCpuMs: median(warm.map((w) => w.cpuMs)),
  loadAverage: loadavg()[0].toFixed(1),
  cpus: cpus().length,
  outlined: cold.outlined,
  listed: cold.listed,
  omitted: cold.omitted,
  tokens: cold.tokens,
  countedTokens: await countTokens(cold.text),
  top: cold.top,
}, null, 2));
rmSync(root, { recursive: true, force: true, maxRetries: 5 });
