#!/usr/bin/env node
// tandem's own time per step with an instant gateway, and the wall time of `run` with parallel steps
// against (architect + slowest editor call). Runs the real pipeline (dist/) against the fake gateway on loopback, in temporary
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

async function run(n, concurrency, delayFor, architectDelayMs = 0) {
  const root = makeRepo(n);
  const gateway = await startFakeGateway({
    routes: [
      { match: matchNotPinned(), replies: [{ text: JSON.stringify(plan(n)), provider: 'anthropic', delayMs: architectDelayMs }] },
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
    // The calls as the run itself measured them: the architect's and the slowest editor call's latency.
    const calls = report.architect.latencyMs + Math.max(...report.steps.map((s) => s.latencyMs));
    return { planMs: applyStart - start, applyMs: end - applyStart, totalMs: end - start, callsMs: calls, editorMs: report.steps.reduce((sum, s) => sum + s.latencyMs, 0) };
  } finally {
    await gateway.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const { openStepCommitter } = await import('../dist/workspace/step-commit.js');
const { spawn } = await import('node:child_process');

// What one git process costs on this machine right now: every figure below is read against it.
async function gitSpawnMs(count = 20) {
  const once = () => new Promise((resolve) => spawn('git', ['--version'], { stdio: 'ignore' }).on('close', resolve));
  const start = performance.now();
  for (let i = 0; i < count; i++) await once();
  return (performance.now() - start) / count;
}

// The commit path alone, step after step: the old one (git apply --check, apply, add, commit --only,
// rev-parse) against the temporary index and plumbing, on the same kind of repository.
async function commitPath(n, kind) {
  const root = makeRepo(n);
  try {
    const workspace = await openWorkspace(root);
    await workspace.createBranch('tandem/bench');
    const committer = kind === 'plumbing' ? await openStepCommitter(root, { branch: 'tandem/bench' }) : undefined;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const before = `export const value${i} = ${i};\n`;
      const after = `export const value${i} = ${i + 1};\n`;
      const change = { path: `src/m${i}.ts`, before, after, message: `bump ${i}`, trailers: { 'Tandem-Step': String(i + 1) } };
      if (committer) await committer.commit(change);
      else {
        await workspace.applyPatch(makePatch(change.path, before, after));
        await workspace.commit([change.path], change.message, change.trailers);
      }
    }
    const ms = (performance.now() - start) / n;
    await committer?.close();
    return ms;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const { makePatch } = await import('../dist/workspace/patch.js');

const spawnMs = await gitSpawnMs();
const oldPath = await commitPath(steps, 'porcelain');
const newPath = await commitPath(steps, 'plumbing');
console.log(`one git process: ${spawnMs.toFixed(1)} ms on this machine now`);
console.log(`commit path per step: old (apply --check, apply, add, commit --only, rev-parse) ${oldPath.toFixed(1)} ms = ${(oldPath / spawnMs).toFixed(1)} git processes; temporary index + plumbing ${newPath.toFixed(1)} ms = ${(newPath / spawnMs).toFixed(1)} git processes; ${(newPath / oldPath).toFixed(2)}x the old`);

const instant = await run(steps, 1, () => ({}));
const own = (instant.applyMs - instant.editorMs) / steps;
console.log(`instant gateway, ${steps} steps, concurrency 1: apply ${instant.applyMs.toFixed(0)} ms = ${(instant.applyMs / steps).toFixed(1)} ms per step, of which tandem's own time (edit engine, checks, commit through the temporary index; the editor call's HTTP time taken out) ${own.toFixed(1)} ms per step = ${(own / spawnMs).toFixed(1)} git processes' time (target <= 150 ms)`);

// Editor latencies of a local 7B model are seconds per step; each step is committed as soon as it is ready.
const architectMs = 1500;
const delays = [1200, 800, 2000, 600, 1500, 1000];
const parallel = await run(delays.length, delays.length, (i) => ({ delayMs: delays[i] }), architectMs);
console.log(`${delays.length} independent steps, architect ${architectMs} ms, editor delays ${delays.join('/')} ms, concurrency ${delays.length}:`);
console.log(`  run wall ${parallel.totalMs.toFixed(0)} ms; architect + slowest editor call as measured ${parallel.callsMs.toFixed(0)} ms; ratio ${(parallel.totalMs / parallel.callsMs).toFixed(2)}x (target <= 1.35x)`);
