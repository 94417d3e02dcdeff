import { mentions } from './rank.js';

/** A file as task focus sees it: its path and the names it defines and uses. */
export interface FocusFile {
  path: string;
  defines: readonly string[];
  references: readonly string[];
}

/** What a task is about in a repository: the symbols it names, the files that define them, the files that use them. */
export interface Focus {
  /** Identifiers in the task that some file defines. */
  symbols: Set<string>;
  /** Files named with --file, mentioned by path, or defining a task symbol, in that order. */
  targets: string[];
  /** Files that use a task symbol and are not targets: other code first, tests after. */
  users: string[];
  /** The task symbols each user uses. */
  uses: Map<string, string[]>;
}

// A plain word defined in more files than this is not taken for the symbol the task means.
const PLAIN_WORD_DEFINERS = 2;

const TEST_PATH = /(^|\/)(tests?|__tests__|spec|specs|__mocks__|fixtures?)\/|[._-](test|spec)\.[^/]+$|(^|\/)test_[^/]+\.py$|_test\.go$/;

/** True for a test file by the usual conventions (test/ folders, *.test.*, *_test.go, test_*.py). */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Finds a task's focus: its identifiers that files define, those files, and every file using them. */
export function taskFocus(task: string, files: readonly FocusFile[], named: readonly string[]): Focus {
  const words = new Set(task.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const definers = new Map<string, number>();
  for (const file of files) for (const name of file.defines) if (words.has(name)) definers.set(name, (definers.get(name) ?? 0) + 1);
  // A name that looks like code (mixed case, _ or $) is a symbol; a plain word the task uses ("session",
  // "cache") only when it is long and defined in at most two files, else it is just a word of the task.
  const codeLike = (name: string) => /[A-Z_$]/.test(name.slice(1)) || /^[_$]/.test(name);
  const symbols = new Set([...definers].filter(([name, n]) => codeLike(name) || (name.length >= 6 && n <= PLAIN_WORD_DEFINERS)).map(([name]) => name));
  const known = new Set(files.map((f) => f.path));
  const targets = [...new Set(named)].filter((path) => known.has(path));
  const add = (path: string) => {
    if (!targets.includes(path)) targets.push(path);
  };
  for (const file of files) if (mentions(task, file.path)) add(file.path);
  for (const file of files) if (file.defines.some((name) => symbols.has(name))) add(file.path);
  const isTarget = new Set(targets);
  const uses = new Map<string, string[]>();
  for (const file of files) {
    if (isTarget.has(file.path)) continue;
    const used = file.references.filter((name) => symbols.has(name));
    if (used.length > 0) uses.set(file.path, [...new Set(used)]);
  }
  const users = [...uses.keys()];
  return { symbols, targets, users: [...users.filter((p) => !isTestPath(p)), ...users.filter(isTestPath)], uses };
}

// Tokens of repository view for a one-line task: with the system prompt and the task, the request stays near 2,500.
const BASE_VIEW = 1_800;
// Each token of task beyond a one-liner's buys this many tokens of view: a long task touches more of the code.
const PER_TASK_TOKEN = 16;
const ONE_LINER = 40;
// Each file named with --file widens the view around it.
const PER_NAMED_FILE = 1_500;

/** The repository view's budget for a task: about 1,800 tokens for a one-line task, more for a longer one or for files named with --file; never above `ceiling`. */
export function viewBudget(task: string, named: number, ceiling: number): number {
  const taskTokens = Math.ceil(task.length / 4);
  return Math.min(ceiling, BASE_VIEW + PER_TASK_TOKEN * Math.max(0, taskTokens - ONE_LINER) + PER_NAMED_FILE * named);
}
