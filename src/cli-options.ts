import { Command, Option } from 'commander';
import { ExitCode, TandemError } from './errors.js';

/** Flags every model-using command takes; they form the last configuration layer. */
export function withConfigFlags(command: Command): Command {
  return command
    .option('--config <file>', 'read this config file instead of tandem.config.json')
    .option('--base-url <url>', 'gateway base URL (OpenAI-compatible, ending in /v1)')
    .option('--architect-model <model>', 'model that plans')
    .option('--editor-model <model>', 'model that edits')
    .option('--editor-provider <slugs>', 'pin editor calls to these providers (comma list, sent as provider.only)')
    .addOption(new Option('--edit-format <format>', 'edit format asked of the editor').choices(['auto', 'search-replace', 'udiff', 'whole']))
    .addOption(new Option('--privacy <level>', 'what the architect may see of files: content, outlines only, or local summaries').choices(['standard', 'outline', 'local-summary']))
    .option('-C, --cwd <dir>', 'run as if started in this directory');
}

/** Flags of the commands that apply steps. */
export function withApplyFlags(command: Command): Command {
  return command
    .option('--concurrency <n>', CONCURRENCY_HELP, parseConcurrency, 1)
    .option('--allow-dirty', 'run on a dirty working tree; tandem commits only its own changes')
    .option('--in-place', 'commit on the current branch instead of a new tandem/<plan-id> branch')
    .option('--branch <name>', 'commit on this branch instead of tandem/<plan-id> (apply: an existing one of this plan is resumed)')
    .option('--allow-config-edits', "let steps change tandem's own files: tandem.config.json, .tandemignore, .gitmodules")
    .option('--allow-ci-edits', 'let unattended steps (--ci, --yes) change CI and hook definitions (.github/workflows, .husky, ...)')
    .option('--verify-hooks', "run the repository's commit hooks on each step's commit (a failing hook fails that step); also git.verify in config")
    .option('--json', 'print the JSON report instead of the table');
}

/** The help of --concurrency, shared by apply, run and the session. */
export const CONCURRENCY_HELP = 'editor calls at once for steps that do not depend on each other; "auto": editor pool hosts x editor.parallelPerHost, capped by the plan';

/** `--concurrency`: a whole number, or auto. */
export function parseConcurrency(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : parsePositiveInt(value);
}

/** A whole number of at least 1 (exit 2 otherwise). */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new TandemError(`expected a whole number of at least 1, got "${value}"`, { exitCode: ExitCode.usage });
  return n;
}

/** A whole number of at least 0 (exit 2 otherwise). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new TandemError(`expected a whole number of at least 0, got "${value}"`, { exitCode: ExitCode.usage });
  return n;
}

/** A number above 0 (exit 2 otherwise). */
export function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new TandemError(`expected a number above 0, got "${value}"`, { exitCode: ExitCode.usage });
  return n;
}

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
