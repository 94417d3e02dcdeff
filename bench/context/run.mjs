// Context benchmark: the architect's first request for a one-line task and a symbol-only task on real
// repositories (npm packages this project installs) and a generated ten-language tree. Prints the
// request's tokens (cl100k, chat framing included), whether the target file is outlined, and how many of
// the non-test files that use the task's symbol are in view (outlined, or at least named), and the time
// makePlan took: wall and this process's CPU (git's children not included). The first task on each
// repository runs with no cache (cold), the second reads it.
// Needs `npm run build` first. Usage: node bench/context/run.mjs [--budget 24000] [--privacy standard|outline] [--repo <name prefix>]
// (--repo runs one repository in a fresh process, so its cold CPU does not depend on grammars an earlier one compiled)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeRepo, REPOS } from './repos.mjs';

const { makePlan } = await import('../../dist/architect/make-plan.js');
const { countMessages } = await import('../../dist/tokens/count.js');

const { values } = parseArgs({ options: { budget: { type: 'string', default: '24000' }, privacy: { type: 'string', default: 'standard' }, repo: { type: 'string' } } });
const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));
const TEST = /(^|\/)(tests?|__tests__|spec|__mocks__)\/|\.(test|spec)\.[^/]+$/;
const PLAN = JSON.stringify({ summary: 'bench', steps: [{ title: 'x', file: 'x', action: 'edit', instructions: 'x', depends_on: [] }] });

/** The non-test files other than the target whose text holds the symbol as a whole word. */
function usersOf(root, files, target, symbol) {
  const word = new RegExp(`(^|[^\\w$])${symbol.replace(/\$/g, '\\$')}($|[^\\w$])`);
  return files.filter((path) => path !== target && !TEST.test(path) && word.test(readFileSync(join(root, path), 'utf8')));
}

/** Where a path stands in the request: outlined (its line followed by indented outline lines, or sent as a file), named, or absent. */
function placeOf(text, path) {
  const lines = text.split('\n');
  const at = lines.findIndex((line, i) => (line === path || line.startsWith(`--- ${path}`)) && (line.startsWith('---') || /^ {2}\S/.test(lines[i + 1] ?? '')));
  if (at >= 0) return 'outlined';
  return lines.some((line) => line === path || line.includes(` ${path}`) || line.startsWith(`${path} `) || line.includes(path)) ? 'named' : 'absent';
}

async function request(root, task) {
  let sent;
  const client = {
    role: 'architect',
    model: 'bench',
    async complete(req) {
      sent = req.messages;
      return { text: PLAN, model: 'bench', provider: 'bench', promptTokens: 0, completionTokens: 0, cachedTokens: 0, latencyMs: 0, ttftMs: 0, costUsd: 0, costSource: 'pricing' };
    },
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await makePlan({ task, root, client, namedFiles: [], contextBudget: Number(values.budget), privacy: values.privacy, meta: { runId: 'bench', planId: 'bench' } });
  const used = process.cpuUsage(cpu);
  return { messages: sent, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

console.log(`budget ${values.budget}, privacy ${values.privacy}, node ${process.version}`);
console.log('| repository | files | task | request tokens | target | users outlined / named / missing | wall ms | CPU ms |');
console.log('| --- | ---: | --- | ---: | --- | --- | ---: | ---: |');
for (const repo of REPOS.filter((r) => !values.repo || r.name.startsWith(values.repo))) {
  const root = makeRepo(repo, nodeModules);
  try {
    const files = execFileSync('git', ['ls-files'], { cwd: root, maxBuffer: 1 << 28 }).toString().split('\n').filter(Boolean);
    for (const [kind, spec] of [['one-line', repo.oneLine], ['symbol-only', repo.symbolOnly]]) {
      const users = usersOf(root, files, spec.target, spec.symbol);
      const { messages, ms, cpuMs } = await request(root, spec.task);
      const text = messages.map((m) => m.content).join('\n');
      const tokens = await countMessages(messages);
      const places = users.map((path) => placeOf(text, path));
      const tally = (p) => places.filter((x) => x === p).length;
      console.log(`| ${repo.name} | ${files.length} | ${kind}: "${spec.task}" | ${tokens.toLocaleString('en-US')} | ${placeOf(text, spec.target)} | ${tally('outlined')} / ${tally('named')} / ${tally('absent')} of ${users.length} | ${Math.round(ms)} | ${Math.round(cpuMs)} |`);
      if (process.env.BENCH_SHOW) console.log(text, users.filter((path, i) => places[i] === "absent"));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
