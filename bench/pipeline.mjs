#!/usr/bin/env node
// tandem's own time per step with an instant gateway, and the wall time of parallel steps against
// the slowest step. Runs the real pipeline (dist/) against the fake gateway on loopback, in temporary
// git repositories. Build first (npm run build). Usage: node bench/pipeline.mjs [steps]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { startFakeGateway, matchNotPinned, matchProviderPinned } = await import('../dist/sim/gateway-server.js');
const { runPipeline, approveAll } = await import('../dist/pipeline/run.js');
const { resolveConfig } = await import('../dist/config/load.js');
const { openWorkspace } = await import('../dist/workspace/git.js');

const steps = Number(process.argv[2] ?? 20);

function makeRepo(n) {
  const root = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'bench');
  git('config', 'user.email', 'bench@tandem.invalid');
  mkdirSync(join(root, 'src'));
  for (let i = 0; i < n; i++) writeFileSync(join(root, `src/m${i}.ts`), `export const value${i} = ${i};\n`);
  git('add', '-A');
  git('commit', '-qm', 'init');
  return root;
}

const plan = (n) => ({
  summary: 'bump every value',
  steps: Array.from({ length: n }, (_, i) => ({ title: `bump ${i}`, file: `src/m${i}.ts`, action: 'edit', instructions: 'add one', depends_on: [] })),
});

function editorReply(delayFor) {
  return (req) => {
    const prompt = JSON.stringify(req.body.messages);
    const i = Number(/src\/m(\d+)\.ts/.exec(prompt)[1]);
    return {
      text: `src/m${i}.ts\n<<<<<<< SEARCH\nexport const value${i} = ${i};\n=======\nexport const value${i} = ${i + 1};\n>>>>>>> REPLACE\n`,
      provider: '_tandem_local_router',
      ...delayFor(i),
    };
  };
}

async function run(n, concurrency, delayFor) {
  const root = makeRepo(n);
  const gateway = await startFakeGateway({
    routes: [
      { match: matchNotPinned(), replies: [{ text: JSON.stringify(plan(n)), provider: 'anthropic' }] },
      { match: matchProviderPinned(), replies: editorReply(delayFor) },
    ],
  });
  try {
    const config = resolveConfig({ gateway: { baseURL: gateway.url } }, { TANDEM_API_KEY: 'bench' });
    const workspace = await openWorkspace(root);
    let applyStart = 0;
    let report;
    const start = performance.now();
    for await (const event of runPipeline({ workspace, config, task: 'bench', files: [], concurrency, allowDirty: false, inPlace: false, decisions: approveAll })) {
      if (event.type === 'apply-start') applyStart = performance.now();
      if (event.type === 'done') report = event.report;
    }
    const end = performance.now();
    if (report.steps.some((s) => s.status !== 'applied')) throw new Error('a step did not apply');
    return { planMs: applyStart - start, applyMs: end - applyStart };
  } finally {
    await gateway.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const instant = await run(steps, 1, () => ({}));
console.log(`instant gateway, ${steps} steps, concurrency 1: apply ${instant.applyMs.toFixed(0)} ms = ${(instant.applyMs / steps).toFixed(1)} ms of tandem's own time per step (editor call over HTTP, edit engine, git apply, git commit)`);

// Editor latencies of a local 7B model are seconds per step; commits still happen one at a time, in plan order.
const delays = [1200, 800, 2000, 600, 1500, 1000];
const slowest = Math.max(...delays);
const parallel = await run(delays.length, delays.length, (i) => ({ delayMs: delays[i] }));
const serial = await run(delays.length, 1, (i) => ({ delayMs: delays[i] }));
console.log(`${delays.length} independent steps with editor delays ${delays.join('/')} ms (slowest ${slowest} ms, sum ${delays.reduce((a, b) => a + b, 0)} ms):`);
console.log(`  concurrency ${delays.length}: apply wall ${parallel.applyMs.toFixed(0)} ms = ${(parallel.applyMs / slowest).toFixed(2)}x the slowest step`);
console.log(`  concurrency 1: apply wall ${serial.applyMs.toFixed(0)} ms = ${(serial.applyMs / slowest).toFixed(2)}x the slowest step`);
