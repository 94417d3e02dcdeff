#!/usr/bin/env node
// Edit-engine benchmark on real code: node bench/edits/run.mjs [--json] [--dump <dir>]
// Runs against dist/ (npm run build first). See BENCHMARKS.md, "Edit engine".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAnswer, applyAnswerToFiles } from '../../dist/editor/engine.js';
import { EditFormatError } from '../../dist/editor/errors.js';
import { baselineApply } from './baseline.mjs';
import { buildCases } from './cases.mjs';
import { changedFiles, PAIRS } from './corpus.mjs';
import { renderTable, summarize } from './report.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;

/** exact: the true new file byte for byte; refused: nothing written; wrong: anything else written. */
function verdict(c, got) {
  if (got === null) return 'refused';
  return got === c.expected && c.kind !== 'refusal' ? 'exact' : 'wrong';
}

/** As `tandem patch` applies an answer: blocks go to the files they name; only this one file exists. */
function applyToFiles(c) {
  let results;
  try {
    results = applyAnswerToFiles(c.answer, (p) => (p === c.path ? c.before : null));
  } catch (error) {
    if (!(error instanceof EditFormatError)) throw error;
    return { ok: false, after: null, blocks: [{ status: 'failed', reason: error.message }] };
  }
  const mine = results.find((r) => r.path === c.path);
  return results.length === 1 && mine ? mine : { ok: false, after: null, blocks: results.flatMap((r) => r.blocks) };
}

const files = changedFiles();
const cases = buildCases(files);
const started = performance.now();
for (const c of cases) {
  let result;
  try {
    result = c.files ? applyToFiles(c) : applyAnswer(c.answer, { path: c.path, content: c.before });
  } catch (error) {
    result = { ok: false, after: null, blocks: [], error: String(error?.stack ?? error) };
  }
  c.got = result.ok ? result.after : null;
  c.engine = result.error ? 'error' : verdict(c, c.got);
  c.blocks = result.blocks.map((b) => `${b.status}${b.strategy ? ` (${b.strategy})` : ''}${b.reason ? `: ${b.reason}` : ''}`);
  c.error = result.error;
  c.baseline = verdict(c, baselineApply(c.answer, c.before));
}
const seconds = (performance.now() - started) / 1000;
const summary = summarize(cases, { packages: PAIRS.map(([p, a, b]) => `${p} ${a} -> ${b}`), files: files.length, seconds });

if (dump) {
  const bad = cases.filter((c) => c.engine === 'wrong' || c.engine === 'error' || (c.kind === 'recoverable' && c.engine !== 'exact') || (c.kind === 'refusal' && c.engine !== 'refused'));
  bad.forEach((c, i) => {
    const dir = join(dump, `${String(i).padStart(3, '0')}-${c.cls}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'answer.txt'), c.answer);
    writeFileSync(join(dir, 'before.txt'), c.before);
    writeFileSync(join(dir, 'expected.txt'), c.expected);
    if (c.got !== null) writeFileSync(join(dir, 'got.txt'), c.got);
    writeFileSync(join(dir, 'info.json'), `${JSON.stringify({ pkg: c.pkg, path: c.path, kind: c.kind, engine: c.engine, blocks: c.blocks, error: c.error }, null, 2)}\n`);
  });
}

process.stdout.write(json ? `${JSON.stringify(summary, null, 2)}\n` : `${renderTable(summary)}\n`);
process.exitCode = summary.goals.every((g) => g.met) ? 0 : 1;
