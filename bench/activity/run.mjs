#!/usr/bin/env node
// `tandem log -n 20` and `tandem stats` on a large activity log: wall time and peak memory (max RSS) of
// each command in a fresh process, `node -e 0` beside them, interleaved in one run.
// Usage: node bench/activity/run.mjs [records=100000] [runs=5]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const records = Number(process.argv[2] ?? 100_000);
const runs = Number(process.argv[3] ?? 5);
const bin = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));
const hook = fileURLToPath(new URL('./max-rss.cjs', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'tandem-activity-bench-'));
execFileSync('git', ['init', '-q', root]);
execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '--allow-empty', '-m', 'init'], { cwd: root });
mkdirSync(join(root, '.tandem'));
writeFileSync(join(root, '.tandem', 'activity.jsonl'), makeLog(records));

const cases = {
  'node -e 0': ['-e', '0'],
  'tandem log -n 20': ['-r', hook, bin, 'log', '-n', '20'],
  'tandem stats': ['-r', hook, bin, 'stats'],
};
const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const rss = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
const env = { ...process.env, HOME: root, XDG_CONFIG_HOME: join(root, '.config'), TANDEM_API_KEY: 'bench', COLUMNS: '120' };
for (let i = 0; i < runs + 1; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    if (i === 0) continue; // warms the file cache
    times[name].push(ms);
    const kb = /max-rss-kb (\d+)/.exec(result.stderr ?? '');
    if (kb) rss[name].push(Number(kb[1]));
  }
}
rmSync(root, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`${records.toLocaleString('en-US')} records, ${runs} runs each, node ${process.version}`);
for (const [name, xs] of Object.entries(times)) {
  const mem = rss[name].length > 0 ? `   max RSS ${(median(rss[name]) / 1024).toFixed(0).padStart(4)} MB` : '';
  console.log(`${name.padEnd(18)} median ${median(xs).toFixed(0).padStart(6)} ms   ${(median(xs) / base).toFixed(1).padStart(5)}x node -e 0${mem}`);
}

/** A log like a busy team's: runs of one architect call and four editor calls, a failure now and then. */
function makeLog(n) {
  const lines = [];
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const architect = i % 5 === 0;
    const failed = i % 97 === 13;
    const run = Math.floor(i / 5);
    lines.push(
      JSON.stringify({
        id: i.toString(16).padStart(16, '0'),
        ts: new Date(start + i * 60_000).toISOString(),
        runId: `run-${run}`,
        planId: `plan-${run}`,
        step: architect ? null : (i % 5) - 1,
        role: architect ? 'architect' : 'editor',
        model: architect ? 'anthropic/claude-sonnet-4' : 'qwen2.5-coder:7b',
        provider: architect ? 'anthropic' : '_tandem_local_router',
        promptTokens: failed ? 0 : architect ? 4000 + (i % 900) : 1500 + (i % 400),
        completionTokens: failed ? 0 : 200 + (i % 150),
        cachedTokens: architect && i % 10 === 0 ? 3000 : 0,
        cacheWriteTokens: 0,
        latencyMs: 800 + (i % 5000),
        ttftMs: 300,
        costUsd: failed ? null : architect ? 0.015 : 0,
        costSource: failed ? 'unknown' : 'pricing',
        status: failed ? 'error' : 'ok',
        error: failed ? '503 from FastRouter: model is loading' : null,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
