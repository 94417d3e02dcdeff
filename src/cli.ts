import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { ExitCode, TandemError } from './errors.js';
import { packageUrl } from './package-root.js';
import { redactStandardStreams } from './privacy/std-streams.js';
import { setOutputFlags } from './report/terminal.js';
import { collect, CONCURRENCY_HELP, parseConcurrency, parseCount, parsePositiveInt, parsePositiveNumber, withApplyFlags, withConfigFlags } from './cli-options.js';
import { didYouMean } from './suggest.js';

const pkg = JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')) as { version: string };

/** Builds the commander program; every command's module is imported only when it runs. */
export function buildProgram(): Command {
  const program = new Command('tandem')
    .description('A cloud model plans, a local model edits, git applies, and every step shows its cost.')
    .version(pkg.version, '-v, --version')
    .showHelpAfterError('(run "tandem --help" for usage)')
    .option('--wide', 'print every table column, however wide the terminal')
    .option('--no-color', 'no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)')
    .hook('preAction', (_program, command) => setOutputFlags(command.optsWithGlobals()))
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  tandem                                      the interactive session: task, plan review, live steps, cost table
  tandem demo                                 try it offline against a simulated gateway
  tandem bench --sim                          the built-in tasks, split against all-cloud (drop --sim for your models)
  tandem plan "add input validation to signup" --file src/signup.ts
  tandem apply --last                         carry out the newest plan, one commit per step (resumes a stopped run)
  tandem run "rename getUser to fetchUser" --yes
  tandem run --ci --task-file task.md --check "npm test" --max-cost 0.50 --report report.json
  tandem log --limit 20                       every model call, like the gateway's activity log
  tandem undo                                 revert the last run's commits
  tandem stats --since 7d                     calls, tokens, cost, latency and the saving, by model
  tandem report --html                        one HTML page with charts of the latest run and of every day (.tandem/reports/)
  pbpaste | tandem patch --dry-run            preview an edit pasted from a chat, then apply it without --dry-run

Exit codes: 0 all steps applied, 1 a step failed or the plan was unusable, 2 usage or config error,
3 budget exceeded, 4 gateway or model unreachable, 130 interrupted (Ctrl-C), 143 stopped by SIGTERM,
129 stopped by SIGHUP: on a signal, calls stop, committed steps stay, and the report is still written.`,
    );

  withConfigFlags(
    program
      .command('plan')
      .description('ask the architect for a plan and save it to .tandem/plans/<id>.json; with --revise, have it change a saved plan')
      .argument('[task...]', 'what to change, in words (with --revise: the feedback)')
      .option('--revise [plan]', 'revise a saved plan (an id, or last: the default) with the feedback in words; the architect also hears which steps of its last run failed and why; saved as a new plan')
      .option('-f, --file <path>', 'send this file to the architect (repeatable)', collect, [])
      .option('--allow-withheld-skip', 'go on without a --file that privacy rules withhold (secret, .gitignore, .tandemignore) instead of stopping')
      .option('--json', 'print the plan and the architect call as JSON'),
  ).action(act(async (task: string[], options) => (await import('./commands/plan.js')).planCommand(task.join(' '), options)));

  withApplyFlags(
    withConfigFlags(
      program
        .command('apply')
        .description('carry out a saved plan: editor calls, patches applied with git, one commit per step')
        .argument('[plan]', 'plan id or path to a plan file')
        .option('--last', 'apply the newest saved plan'),
    ),
  ).action(act(async (plan: string | undefined, options) => (await import('./commands/apply.js')).applyCommand(plan, options)));

  withApplyFlags(
    withConfigFlags(
      program
        .command('run')
        .description('plan and apply in one go; with --check, verify and plan fix-up rounds; with --ci, run unattended')
        .argument('[task...]', 'what to change, in words (or --task-file)')
        .option('-f, --file <path>', 'send this file to the architect (repeatable)', collect, [])
        .option('--allow-withheld-skip', 'go on without a --file that privacy rules withhold (secret, .gitignore, .tandemignore) instead of stopping')
        .option('-y, --yes', 'apply the plan without asking')
        .option('--ci', 'unattended: never prompt or read stdin, --yes implied (also when CI=true)')
        .option('--task-file <path>', 'read the task from this file')
        .option('--check <command>', 'after the steps, run this shell command; while it fails, the architect plans fix-up steps')
        .option('--check-each', 'also run the check after every step (a failing step is kept and reported)')
        .option('--fix-rounds <n>', 'fix-up rounds after a failing check (default 2)', parseCount)
        .option('--max-cost <usd>', 'stop before a call that could take the run over this many USD (exit 3)', parsePositiveNumber)
        .option('--max-tokens <n>', 'stop before a call that could take the run over this many tokens (exit 3)', parsePositiveInt)
        .option('--report <file>', 'write the JSON report to this file')
        .option('--summary <file>', 'write the markdown summary to this file (also appended to $GITHUB_STEP_SUMMARY when set)')
        .option('--author <identity>', 'commit as "Name <email>" (default: GIT_AUTHOR_NAME/EMAIL or git config)')
        .option('--push', 'push the branch to origin when something was committed (never a force-push)'),
    ),
  ).action(act(async (task: string[], options) => (await import('./commands/run.js')).runCommand(task.join(' '), options)));

  withConfigFlags(
    program
      .command('session', { isDefault: true })
      .description('the interactive session (also plain "tandem"): type a task, review the plan, watch the steps, see the cost')
      .option('--concurrency <n>', CONCURRENCY_HELP, parseConcurrency, 1)
      .option('--allow-dirty', 'run on a dirty working tree; tandem commits only its own changes')
      .option('--in-place', 'commit on the current branch instead of a new tandem/<plan-id> branch')
      // As the default command it also receives mistyped command names and their options
      // ("tandem aply --last"); they get a clear error with a suggestion, not a session.
      .argument('[words...]')
      .allowUnknownOption()
      .usage('[options]'),
  ).action(
    act(async (words: string[], options, command: Command) => {
      if (words.length > 0) throw mistyped(words[0], command);
      return (await import('./commands/session.js')).sessionCommand(options);
    }),
  );

  program
    .command('undo')
    .description("revert the last run's commits (found by their Tandem-Plan trailer) on the current branch, or on the run's tandem/<id> branch when you are back on main; shows them and asks first")
    .option('-y, --yes', 'revert without asking (needed when not at a terminal)')
    .option('--dry-run', 'show what would be reverted and revert nothing')
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (options) => (await import('./commands/undo.js')).undoCommand(options)));

  program
    .command('plans')
    .description('list the saved plans, newest first: id, age, steps, whether they were applied (from the commits\' Tandem-Plan/Tandem-Step trailers) and the task')
    .option('--json', 'print the plans as JSON')
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (options) => (await import('./commands/plans.js')).plansCommand(options)));

  program
    .command('log')
    .description('show the activity log: every model call with tokens, latency and cost')
    .option('-n, --limit <n>', 'show the newest N calls', parsePositiveInt)
    .option('--json', 'print the records as a JSON array')
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (options) => (await import('./commands/log.js')).logCommand(options)));

  program
    .command('egress')
    .description('show what left the machine: per run and per file, bytes and tokens sent to cloud and local models (.tandem/egress.jsonl)')
    .option('--run <id>', 'show this run (or the runs of this plan id)')
    .option('-n, --limit <n>', 'show the newest N runs (default 10)', parsePositiveInt)
    .option('--json', 'print the runs with their destinations and files as JSON')
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (options) => (await import('./commands/egress.js')).egressCommand(options)));

  program
    .command('patch')
    .description('apply an edit (search/replace blocks, a unified diff or a whole file, e.g. pasted from a chat) to the working tree; no model call, no commit')
    .argument('[file]', 'file holding the answer; "-" or nothing reads standard input')
    .option('--dry-run', 'print the diff and write nothing')
    .option('--json', "print each block's verdict as JSON")
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (file: string | undefined, options) => (await import('./commands/patch.js')).patchCommand(file, options)));

  withConfigFlags(
    program
      .command('stats')
      .description('sum the activity log by role, model and provider: calls, tokens, cost, p50/p95 latency, failures and the saving')
      .option('--since <period>', 'only calls in this period: 30m, 24h, 7d, 2w or an ISO date (default: all)')
      .addOption(new Option('--by <key>', 'group by role, model and provider (model), by the pool member that served each call (upstream), or by repository (repo)').choices(['model', 'upstream', 'repo']).default('model'))
      .option('--log <file>', 'read this activity log instead of .tandem/activity.jsonl (repeatable; globs such as "artifacts/**/activity.jsonl"; - reads standard input); a record passed twice counts once', collect, [])
      .option('--json', 'print the summary as JSON')
      .option('--csv', 'print the summary as CSV (RFC 4180)'),
  ).action(act(async (options) => (await import('./commands/stats.js')).statsCommand(options)));

  withConfigFlags(
    program
      .command('report')
      .description('write a self-contained HTML report: cost and latency per step of a run, cloud against local over time')
      .option('--html [file]', 'write the HTML page to this file (alone: to .tandem/reports/<run>.html, which git ignores)')
      .option('--run <id>', 'the run to show (default: the latest)')
      .option('--since <period>', 'period of the over-time charts: 30m, 24h, 7d, 2w or an ISO date (default: all)')
      .option('--log <file>', 'read this activity log instead of .tandem/activity.jsonl (repeatable; globs; - reads standard input)', collect, []),
  ).action(act(async (options) => (await import('./commands/report.js')).reportCommand(options)));

  program
    .command('init')
    .description('write tandem.config.json for your gateway: asks in a terminal, or takes --gateway and the flags below')
    .option('--gateway <name>', 'fastrouter, openrouter, litellm, portkey, ollama or direct')
    .option('--architect-model <model>', "model that plans (default: the preset's)")
    .option('--editor-model <model>', "model that edits (default: the preset's)")
    .option('--provider-slug <slug>', 'provider the editor is pinned to with provider.only (fastrouter, openrouter)')
    .option('--base-url <url>', "the gateway's URL (direct: the architect's endpoint)")
    .option('--api-key-env <name>', 'the variable that holds the key')
    .option('--editor-pool <urls>', 'editor hosts to balance over, comma list (portkey: written as a loadbalance config; litellm: prints the model_list to paste)')
    .option('--force', 'overwrite an existing tandem.config.json')
    .option('-C, --cwd <dir>', 'run as if started in this directory')
    .action(act(async (options) => (await import('./commands/init.js')).initCommand(options)));

  withConfigFlags(
    program
      .command('doctor')
      .description('check the config, the key, the gateway, both models, the editor pin and the local context window')
      .option('--json', 'print the checks as JSON'),
  ).action(act(async (options) => (await import('./commands/doctor.js')).doctorCommand(options)));

  withConfigFlags(
    program
      .command('config')
      .description('print the resolved configuration, each value with its source: default, user file, repo file, env or flag (keys shown only as set or unset)')
      .option('--json', 'print the values with their sources as JSON'),
  ).action(act(async (options) => (await import('./commands/config.js')).configCommand(options)));

  withConfigFlags(
    program
      .command('bench')
      .description('run the built-in tasks (TypeScript and Python, each with a failing test) the split way and all-cloud, and compare')
      .option('--sim', 'run against the built-in simulated gateway: offline, scripted answers, from any folder')
      .option('--tasks <ids>', 'only these tasks (comma list, e.g. ts-clamp,py-fizzbuzz)')
      .option('--html <file>', 'also write the results as a self-contained HTML page')
      .option('--json', 'print the results as JSON'),
  ).action(act(async (options) => (await import('./commands/bench.js')).benchCommand(options)));

  program
    .command('demo')
    .description('run plan and apply offline against the built-in simulated gateway, in a sample repository')
    .option('--json', 'print the JSON report instead of the table')
    .option('--fast', 'no simulated delays')
    .action(act(async (options) => (await import('./commands/demo.js')).demoCommand(options)));

  return program;
}

/** The error for a word the default command received: a mistyped command or an unknown option, with the nearest names. */
function mistyped(word: string, session: Command): TandemError {
  const program = session.parent ?? session;
  if (word.startsWith('-')) {
    const flags = [...session.options, ...program.options].map((option) => option.long).filter((flag): flag is string => Boolean(flag));
    const hint = didYouMean(word.split('=')[0], flags);
    return new TandemError(`unknown option '${word}'`, { exitCode: ExitCode.usage, hint: hint || 'run "tandem --help" for the commands and their options' });
  }
  const names = program.commands.map((command) => command.name()).filter((name) => name !== 'session');
  const hint = didYouMean(word, names, (name) => `"tandem ${name}"`);
  return new TandemError(`unknown command '${word}'`, { exitCode: ExitCode.usage, hint: `${hint ? `${hint} ` : ''}Run "tandem --help" for the commands; "tandem" alone opens the session.` });
}

let commandExit: number = ExitCode.ok;

/** Wraps a command so the exit code it returns becomes the process's. */
function act<A extends unknown[]>(command: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args) => {
    commandExit = await command(...args);
  };
}

/** Runs the CLI: the one place that prints errors and sets the exit code. */
export async function main(argv: string[]): Promise<void> {
  // Before anything can print: every byte on stdout and stderr goes through the redaction (src/privacy/std-streams.ts).
  redactStandardStreams();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    process.exitCode = commandExit;
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

/** Turns any error into one readable message on stderr and an exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is a usage error and has been printed already.
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof TandemError) {
    process.stderr.write(`tandem: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`tandem: unexpected error (please report it): ${message}\n`);
  return ExitCode.failed;
}
