import { resolve } from 'node:path';
import { loadBenchTasks, pickTasks, type BenchTask } from '../bench/tasks.js';
import { runBench } from '../bench/run-bench.js';
import type { BenchReport } from '../bench/result.js';
import { renderBenchTable } from '../bench/table.js';
import { loadConfig, resolveConfig } from '../config/load.js';
import { splitList } from '../config/layers.js';
import type { ResolvedConfig } from '../config/types.js';
import { writeRedacted } from '../privacy/safe-write.js';
import { benchPage } from '../report/html/bench-page.js';
import { startFakeGateway } from '../sim/gateway-server.js';
import { benchReply } from '../sim/bench-script.js';
import { saveBench } from '../bench/saved.js';
import { openWorkspace } from '../workspace/git.js';
import { withInterrupt } from './consume.js';
import { flagsLayer, type ConfigFlags } from './options.js';

/** Options of `tandem bench`. */
export interface BenchOptions extends ConfigFlags {
  sim?: boolean;
  tasks?: string;
  json?: boolean;
  html?: string;
}

/** `tandem bench`: the built-in tasks run the split way and the all-cloud way on the configured models (or the simulated gateway). */
export async function benchCommand(options: BenchOptions): Promise<number> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const tasks = pickTasks(await loadBenchTasks(), options.tasks === undefined ? undefined : splitList(options.tasks));
  const config = options.sim ? simConfig(options) : await loadConfig({ root: cwd, flags: flagsLayer(options), configFile: options.config ? resolve(options.config) : undefined });
  const err = (text: string) => process.stderr.write(text);
  err(
    options.sim
      ? 'tandem bench --sim: a SIMULATED gateway answers from a script;\nno real model is called and nothing leaves this machine.\n'
      : `tandem bench: ${tasks.length} tasks, each run the split way and all-cloud.\nsplit: ${config.architect.model} plans, ${config.editor.model} edits.\nall-cloud: ${config.architect.model} plans and edits.\n`,
  );
  const report = await withInterrupt(
    (signal) =>
      runBench({
        tasks,
        config,
        signal,
        simulate: options.sim ? simulated : undefined,
        // The simulated runs share no model, so they may overlap; real ones run one at a time.
        concurrency: options.sim ? 4 : 1,
        onResult: (task, way, r) => err(`  ${task.id.padEnd(15)} ${way === 'split' ? 'split    ' : 'all-cloud'} ${r.passed ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(1)}s${r.error ? `: ${r.error}` : ''}\n`),
      }),
    err,
  );
  if (options.html) await writePage(resolve(cwd, options.html), report);
  // A real run inside a repository is kept for `tandem report --html`; a simulated one proves nothing about the user's models.
  if (!options.sim) {
    const root = await openWorkspace(cwd).then((w) => w.root).catch(() => undefined);
    if (root) err(`Saved ${await saveBench(root, report)} for tandem report --html.\n`);
  }
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${renderBenchTable(report)}\n`);
  if (options.html && !options.json) process.stdout.write(`Wrote ${resolve(cwd, options.html)}.\n`);
  return report.tasks.every((t) => t.split.passed && t.cloud.passed) ? 0 : 1;
}

/**
 * The simulated gateway's configuration: the built-in defaults and the model, format and privacy flags only
 * (a user's files and environment must not change what --sim shows; the editor stays a local, pinned one).
 */
function simConfig(options: BenchOptions): ResolvedConfig {
  const editor = {
    ...(options.editorModel && { model: options.editorModel, provider: { only: ['_tandem_local_router'] }, local: true, pricing: { input: 0, output: 0 } }),
    ...(options.editFormat && { editFormat: options.editFormat }),
  };
  const layer = {
    gateway: { baseURL: 'http://127.0.0.1:9/v1', name: 'simulated gateway' },
    editor,
    ...(options.architectModel && { architect: { model: options.architectModel } }),
    ...(options.privacy && { privacy: options.privacy }),
  };
  return resolveConfig(layer, { TANDEM_API_KEY: 'simulated' }, ['bench --sim']);
}

async function simulated(task: BenchTask) {
  return startFakeGateway({ routes: [{ replies: benchReply(task.sim) }] });
}

async function writePage(path: string, report: BenchReport): Promise<void> {
  await writeRedacted(path, benchPage(report));
}
