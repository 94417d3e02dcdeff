import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { resolveConfig } from '../config/load.js';
import { runPipeline, approveAll } from '../pipeline/run.js';
import { createProgressPrinter } from '../report/progress.js';
import { startFakeGateway } from '../sim/gateway-server.js';
import { DEMO_TASK, SAMPLE_FILES } from '../sim/demo/sample-repo.js';
import { demoReply } from '../sim/demo/script.js';
import { openWorkspace } from '../workspace/git.js';
import { consume } from './consume.js';
import { printRunReport } from './finish.js';

/** `tandem demo`: the real plan-and-apply path, offline, against the built-in simulated gateway. */
export async function demoCommand(options: { json?: boolean; fast?: boolean }): Promise<number> {
  const root = await makeSampleRepo();
  const gateway = await startFakeGateway({ routes: [{ replies: demoReply(Boolean(options.fast)) }] });
  try {
    process.stderr.write(
      `tandem demo: a SIMULATED gateway at ${gateway.url} stands in\n` +
        'for FastRouter. Its answers are scripted: no real model is called and nothing\n' +
        'leaves this machine. Token counts and costs are computed as in real use.\n' +
        `Sample repository: ${root}\nTask: ${DEMO_TASK}\n\n`,
    );
    // Only the demo's own settings: the user's config files and environment must not change what the demo shows.
    const config = resolveConfig({ gateway: { baseURL: gateway.url, name: 'simulated gateway' } }, { TANDEM_API_KEY: 'simulated' }, ['demo']);
    const workspace = await openWorkspace(root);
    const events = runPipeline({ workspace, config, task: DEMO_TASK, files: ['src/signup.ts'], concurrency: 2, allowDirty: false, inPlace: false, decisions: approveAll });
    const progress = createProgressPrinter(process.stderr);
    const result = await consume(events, progress).finally(() => progress.close());
    if (!result.report) return 1;
    printRunReport(result.report, config, options.json);
    if (!options.json) {
      // Two short lines rather than one long command, so an 80-column terminal does not wrap it.
      process.stdout.write(`\nThe sample repository is at ${root}\nSee the commits:\n  cd ${root}\n  git log --stat main..${result.report.branch}\n`);
    }
    return result.exitCode ?? 1;
  } finally {
    await gateway.close();
  }
}

async function makeSampleRepo(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-demo-'));
  for (const [path, content] of Object.entries(SAMPLE_FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  const git = (...args: string[]) => execa('git', args, { cwd: root });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('-c', 'user.name=tandem demo', '-c', 'user.email=demo@tandem.invalid', 'commit', '-q', '-m', 'signup service');
  await git('config', 'user.name', 'tandem demo');
  await git('config', 'user.email', 'demo@tandem.invalid');
  return root;
}
