import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withheldTracked } from '../disclosure/policy.js';
import { fileFacts } from './file-facts.js';
import { isTestPath, taskFocus, viewBudget, type Focus } from './focus.js';
import { graphRank } from './graph-rank.js';
import { OutlineCache, type CachedOutline } from './outline-cache.js';
import { declaredWords, wordScores } from './rank.js';
import { indexRepoFiles, type IndexedFile } from './repo-index.js';
import { focusLines, planRepoView, renderRepoView, summaryReserve, viewLines, type RepoView, type ViewFile, type ViewFocus } from './repo-view.js';
import { contextTokenCounter, type TokenCounter } from './tokens.js';

/** The architect's map of the repository and the counts behind it. */
export interface RepoMap extends RepoView {
  /** Tracked files in the repository. */
  total: number;
  /** Files never shown because of the privacy rules (secret files, .gitignore, .tandemignore). */
  withheld: number;
  /** The view's budget for this task (at most the ceiling it was given). */
  budget: number;
}

// Files read at once when outlining.
const READ_BATCH = 64;
// Restart weights of the ranking walk: the task's targets, the files using its symbols, and one point of word score.
const TARGET_WEIGHT = 100;
const USER_WEIGHT = 20;
// Tokens left for the rest of the repository when the task's own files fill the budget.
const ROOM = 300;

/**
 * Builds the repository view for a task, sized to the task: the files it names or whose symbols it
 * names, outlined; every other non-test file using those symbols, outlined or at least listed; then
 * the rest ranked by a personalised PageRank over the reference graph, outlined while a small budget
 * lasts, then listed, then counted per folder. The budget follows the task (viewBudget: about 1,800
 * tokens for a one-line task) and never exceeds `budget`, the ceiling (`architect.contextBudget`).
 * What ranking needs of each file comes from the cache under `.tandem/` while its blob is unchanged.
 */
export async function buildRepoMap(input: { root: string; task: string; named: readonly string[]; budget: number; index?: Promise<RepoIndex> }): Promise<RepoMap> {
  const { all, withheldReason } = await (input.index ?? readRepoIndex(input.root));
  const files = all.filter((f) => withheldReason(f.path) === undefined);
  const cache = await OutlineCache.load(input.root);
  const facts = await outlineFacts(input.root, files, cache);
  const inputs = files.map((f) => {
    const fact = facts.get(f.path) as CachedOutline;
    return { path: f.path, names: fact.names, parts: fact.parts, defines: words(fact.defines), references: words(fact.references) };
  });
  const focus = taskFocus(input.task, inputs, input.named);
  const ranked = rankForTask(input.task, inputs, focus);
  const count = contextTokenCounter();
  const notes = new Map([...focus.uses].map(([path, used]) => [path, ` (uses ${used.join(', ')})`]));
  const viewFiles = [];
  for (const path of ranked) {
    let pathTokens = cache.pathTokens(path);
    if (pathTokens === undefined) {
      pathTokens = count(`${path}\n`);
      cache.setPathTokens(path, pathTokens);
    }
    // A note costs about a token per word; close enough for planning.
    const noteTokens = (notes.get(path)?.split(/\W+/).length ?? 0) + (notes.has(path) ? 2 : 0);
    viewFiles.push({ path, pathTokens: pathTokens + noteTokens, outlineTokens: facts.get(path)?.viewTokens ?? 0 });
  }
  const must = { outline: new Set(focus.targets), list: new Set(focus.users.filter((path) => !isTestPath(path))) };
  const budget = fittedBudget(input, viewFiles, must);
  const plan = planRepoView(viewFiles, budget, must);
  const hashOf = new Map(files.map((f) => [f.path, f.hash]));
  const outlines = new Map(
    await inBatches(plan.outlined, async (path) => {
      const text = await cache.shownText(hashOf.get(path) ?? '', async () => (await fileFacts(path, await readRegularFile(join(input.root, path)))).outline.join('\n'));
      const lines = text === '' ? [] : text.split('\n');
      return [path, must.outline.has(path) ? focusLines(lines, focus.symbols) : lines] as const;
    }),
  );
  await cache.save(input.root, files);
  const view = renderRepoView(plan, (path) => outlines.get(path) ?? [], (path) => notes.get(path) ?? '');
  return { ...view, total: all.length, withheld: all.length - files.length, budget };
}

/** The tracked files with their blob hashes, and why any of them is withheld: the view's git reads. */
export interface RepoIndex {
  all: IndexedFile[];
  withheldReason: (path: string) => string | undefined;
}

/** The view's git reads, all at once; a caller may start them early, while it does other work (buildRepoMap's `index`). */
export async function readRepoIndex(root: string): Promise<RepoIndex> {
  const [all, withheldReason] = await Promise.all([indexRepoFiles(root), withheldTracked(root)]);
  return { all, withheldReason };
}

/** Targets first, then the files using the task's symbols (other code before tests), then the rest by PageRank. */
function rankForTask(task: string, inputs: ReadonlyArray<{ path: string; names: string; parts: string; defines: string[]; references: string[] }>, focus: Focus): string[] {
  const targets = new Set(focus.targets);
  const users = new Set(focus.users);
  const words = wordScores(task, inputs);
  const personal = inputs.map((f, i) => (targets.has(f.path) ? TARGET_WEIGHT : 0) + (users.has(f.path) ? USER_WEIGHT : 0) + words[i]);
  const rank = graphRank(inputs, personal, focus.symbols);
  const rest = inputs.map((_, i) => i).filter((i) => !targets.has(inputs[i].path) && !users.has(inputs[i].path));
  rest.sort((a, b) => rank[b] - rank[a] || a - b);
  return [...focus.targets, ...focus.users, ...rest.map((i) => inputs[i].path)];
}

/**
 * The task's budget (viewBudget), grown so the targets' outlines and the users' paths fit with some
 * room left for the rest and the closing summary, never above the ceiling.
 */
function fittedBudget(input: { task: string; named: readonly string[]; budget: number }, files: readonly ViewFile[], must: Required<ViewFocus>): number {
  const base = viewBudget(input.task, input.named.length, input.budget);
  const need = files.reduce((sum, f) => sum + (must.outline.has(f.path) ? f.pathTokens + f.outlineTokens : must.list.has(f.path) ? f.pathTokens : 0), 0);
  return Math.min(input.budget, Math.max(base, need + summaryReserve(base) + ROOM));
}

const words = (text: string): string[] => (text === '' ? [] : text.split(' '));

/** Outline facts of every file: from the cache, or found now (and cached) for blobs it does not know. */
async function outlineFacts(root: string, files: readonly IndexedFile[], cache: OutlineCache): Promise<Map<string, CachedOutline>> {
  const result = new Map<string, CachedOutline>();
  const missing: IndexedFile[] = [];
  for (const file of files) {
    const cached = cache.outline(file.hash);
    if (cached) result.set(file.path, cached);
    else missing.push(file);
  }
  if (missing.length === 0) return result;
  const count = contextTokenCounter();
  await inBatches(missing, async (file) => {
    const found = await fileFacts(file.path, await readRegularFile(join(root, file.path)));
    const facts = { ...outlineFactsOf(found.outline, count), defines: found.defines.join(' '), references: found.references.join(' ') };
    cache.setOutline(file.hash, facts);
    result.set(file.path, facts);
  });
  return result;
}

/** What the cache keeps of an outline for ranking by words: the token cost of its part in the view and the words ranking looks for. */
export function outlineFactsOf(lines: readonly string[], count: TokenCounter): Pick<CachedOutline, 'viewTokens' | 'names' | 'parts'> {
  const viewTokens = viewLines(lines).reduce((sum, line) => sum + count(`  ${line}\n`), 0);
  return { viewTokens, ...declaredWords(lines) };
}

/** A regular file's text; '' for a symlink (its target may be outside the repository or a withheld file) or anything unreadable. */
async function readRegularFile(path: string): Promise<string> {
  const stat = await lstat(path).catch(() => null);
  return stat?.isFile() ? readFile(path, 'utf8').catch(() => '') : '';
}

async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += READ_BATCH) results.push(...(await Promise.all(items.slice(i, i + READ_BATCH).map(work))));
  return results;
}
