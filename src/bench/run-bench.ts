import type { ResolvedConfig } from '../config/types.js';
import { ExitCode, TandemError } from '../errors.js';
import { approveAll, runPipeline } from '../pipeline/run.js';
import type { RunReport } from '../report/types.js';
import { openWorkspace } from '../workspace/git.js';
import { benchTotals, type BenchReport, type BenchWayResult } from './result.js';
import { makeTaskRepo, runTaskTest } from './task-repo.js';
import type { BenchTask } from './tasks.js';
import { configFor, type BenchWay } from './ways.js';

/** A gateway started for one run (the simulated one), and how to stop it. */
export interface RunGateway {
  url: string;
  close(): Promise<void>;
}

/** What the bench needs: the tasks, the configuration, and (for --sim) a gateway started per task and way. */
export interface BenchInput {
  tasks: BenchTask[];
  config: ResolvedConfig;
  /** Starts the gateway every role of one run is sent to; the configured endpoints are used when omitted. */
  simulate?: (task: BenchTask, way: BenchWay) => Promise<RunGateway>;
  /** Runs at once (default 1: on real models, parallel runs would slow a local editor and skew the times). */
  concurrency?: number;
  /** Told after each task-and-way run. */
  onResult?: (task: BenchTask, way: BenchWay, result: BenchWayResult) => void;
  signal?: AbortSignal;
}

/** Errors that make every other run pointless too: bad config or key, gateway unreachable, budget, interrupt. */
function stopsTheBench(error: unknown): boolean {
  return error instanceof TandemError && ([ExitCode.usage, ExitCode.unreachable, ExitCode.interrupted] as number[]).includes(error.exitCode);
}

/** Runs one task one way in a fresh copy of its repository and runs its test afterwards. */
async function runOnce(task: BenchTask, config: ResolvedConfig, signal?: AbortSignal): Promise<BenchWayResult> {
  const repo = await makeTaskRepo(task);
  try {
    const workspace = await openWorkspace(repo.root);
    const started = Date.now();
    let report: RunReport | undefined;
    let error: string | undefined;
    try {
      const events = runPipeline({ workspace, config, signal, task: task.task, files: [], concurrency: 2, allowDirty: false, inPlace: true, decisions: approveAll });
      for await (const event of events) if (event.type === 'done') report = event.report;
    } catch (caught) {
      if (stopsTheBench(caught)) throw caught;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    const passed = await runTaskTest(task, repo.root);
    const steps = report?.steps ?? [];
    return {
      passed,
      costUsd: report ? report.totals.costUsd : null,
      tokens: report ? report.totals.promptTokens + report.totals.completionTokens : 0,
      seconds,
      stepsApplied: steps.filter((s) => s.status === 'applied').length,
      stepsRefused: steps.filter((s) => s.status === 'failed').length,
      ...(error !== undefined && { error }),
    };
  } finally {
    await repo.cleanup();
  }
}

/** Runs every task the split way and the all-cloud way, `concurrency` runs at a time (default one), and sums them up. */
export async function runBench(input: BenchInput): Promise<BenchReport> {
  const jobs = input.tasks.flatMap((task) => (['split', 'cloud'] as const).map((way) => ({ task, way })));
  const results = new Map<string, BenchWayResult>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const { task, way } = jobs[next++];
      const gateway = await input.simulate?.(task, way);
      let result: BenchWayResult;
      try {
        const base = gateway ? atGateway(input.config, gateway.url) : input.config;
        result = await runOnce(task, configFor(base, way), input.signal);
      } finally {
        await gateway?.close();
      }
      results.set(`${task.id} ${way}`, result);
      input.onResult?.(task, way, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(input.concurrency ?? 1, jobs.length)) }, worker));
  const tasks = input.tasks.map((task) => ({ id: task.id, language: task.language, split: results.get(`${task.id} split`)!, cloud: results.get(`${task.id} cloud`)! }));
  return { simulated: Boolean(input.simulate), architectModel: input.config.architect.model, editorModel: input.config.editor.model, tasks, totals: benchTotals(tasks) };
}

function atGateway(config: ResolvedConfig, baseURL: string): ResolvedConfig {
  return {
    ...config,
    architect: { ...config.architect, baseURL },
    editor: { ...config.editor, baseURL },
    ...(config.fallback && { fallback: { ...config.fallback, baseURL } }),
  };
}
