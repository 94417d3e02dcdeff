// Token estimate benchmark: how close src/tokens/estimate.ts comes to the exact cl100k count
// (gpt-tokenizer) on the calibration corpus (bench/tokens/corpus.mjs), on the paths of four package
// trees and on this repository's own files, and how much faster it is than counting. Speed is measured
// in this one run: the tokenizer's load, then each counter's first pass over the corpus (what a command
// that counts each file once pays) and the median of five more passes (warm caches).
// Needs `npm run build` first. Usage: node bench/tokens/run.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pathsText, readCorpus } from './corpus.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const nodeModules = join(root, 'node_modules');
const { estimateTokens } = await import('../../dist/tokens/estimate.js');
const started = performance.now();
const { loadTokenCounter } = await import('../../dist/tokens/count.js');
const count = await loadTokenCounter();
const loadMs = performance.now() - started;

const corpus = readCorpus(nodeModules);
function pass(counter) {
  const t = performance.now();
  for (const file of corpus) counter(file.text);
  return performance.now() - t;
}
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const chars = corpus.reduce((sum, f) => sum + f.text.length, 0);
// Before anything else is counted, so the tokenizer's first pass meets cold caches.
const exactFirst = pass(count);
const exactWarm = median([1, 2, 3, 4, 5].map(() => pass(count)));
const estimateFirst = pass(estimateTokens);
const estimateWarm = median([1, 2, 3, 4, 5].map(() => pass(estimateTokens)));
const own = execFileSync('git', ['ls-files', 'src', 'docs', 'bench-tasks', 'README.md'], { cwd: root })
  .toString()
  .split('\n')
  .filter((path) => path !== '')
  .map((path) => ({ kind: `this repository: ${path.split('/')[0]}`, path, text: readFileSync(join(root, path), 'utf8') }));

const rows = new Map();
const offenders = [];
for (const file of [...corpus, { kind: 'paths (4 package trees)', path: 'paths', text: pathsText(nodeModules) }, ...own]) {
  const exact = count(file.text);
  const estimate = estimateTokens(file.text);
  const row = rows.get(file.kind) ?? { files: 0, chars: 0, exact: 0, estimate: 0, low: Infinity, high: 0 };
  row.files++;
  row.chars += file.text.length;
  row.exact += exact;
  row.estimate += estimate;
  if (file.text.length > 2048) {
    row.low = Math.min(row.low, estimate / exact);
    row.high = Math.max(row.high, estimate / exact);
    if (Math.abs(estimate / exact - 1) > 0.15) offenders.push(`${file.path} ${(estimate / exact).toFixed(3)}`);
  }
  rows.set(file.kind, row);
}
console.log(`node ${process.version}`);
console.log('| corpus | files | KB | exact tokens | estimate | ratio | files > 2 KB: lowest – highest |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
let exact = 0;
let estimate = 0;
for (const [kind, row] of rows) {
  if (!kind.startsWith('this repository')) {
    exact += row.exact;
    estimate += row.estimate;
  }
  const spread = row.high > 0 ? `${row.low.toFixed(3)} – ${row.high.toFixed(3)}` : '';
  console.log(`| ${kind} | ${row.files} | ${Math.round(row.chars / 1024)} | ${row.exact} | ${row.estimate} | ${(row.estimate / row.exact).toFixed(3)} | ${spread} |`);
}
console.log(`| **calibration corpus and paths** | | | ${exact} | ${estimate} | **${(estimate / exact).toFixed(3)}** | |`);
console.log(offenders.length === 0 ? 'every file > 2 KB within ±15%' : `outside ±15%: ${offenders.join(', ')}`);
console.log(`\nspeed over the corpus (${(chars / 1e6).toFixed(2)} M characters); loading the tokenizer took ${loadMs.toFixed(0)} ms`);
console.log('| counter | first pass ms | warm pass ms (median of 5) | M chars/s warm |');
console.log('| --- | ---: | ---: | ---: |');
console.log(`| exact (gpt-tokenizer cl100k_base) | ${exactFirst.toFixed(0)} | ${exactWarm.toFixed(0)} | ${(chars / 1e3 / exactWarm).toFixed(1)} |`);
console.log(`| estimate | ${estimateFirst.toFixed(0)} | ${estimateWarm.toFixed(0)} | ${(chars / 1e3 / estimateWarm).toFixed(1)} |`);
console.log(`estimate / exact: ${(exactFirst / estimateFirst).toFixed(1)}x faster on the first pass, ${(exactWarm / estimateWarm).toFixed(1)}x warm, and no tokenizer to load`);
