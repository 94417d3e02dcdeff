import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withheldTracked } from '../disclosure/policy.js';
import { OutlineCache, type CachedOutline } from './outline-cache.js';
import { outlineFile } from './outline/outline.js';
import { declaredWords, rankFiles } from './rank.js';
import { indexRepoFiles, type IndexedFile } from './repo-index.js';
import { planRepoView, renderRepoView, viewLines, type RepoView } from './repo-view.js';
import { contextTokenCounter, type TokenCounter } from './tokens.js';

/** The architect's map of the repository and the counts behind it. */
export interface RepoMap extends RepoView {
  /** Tracked files in the repository. */
  total: number;
  /** Files never shown because of the privacy rules (secret files, .gitignore, .tandemignore). */
  withheld: number;
}

// Files read at once when outlining.
const READ_BATCH = 64;

/**
 * Builds the repository map for a task: every tracked file's path and a locally built outline, ranked
 * by relevance to the task (named files first) and fitted into `budget` tokens. What ranking and
 * fitting need of each outline comes from the cache under `.tandem/` while the blob is unchanged, so a
 * later run parses only new or changed files and the few it shows.
 */
export async function buildRepoMap(input: { root: string; task: string; named: readonly string[]; budget: number }): Promise<RepoMap> {
  const [all, withheldReason] = await Promise.all([indexRepoFiles(input.root), withheldTracked(input.root)]);
  const files = all.filter((f) => withheldReason(f.path) === undefined);
  const cache = await OutlineCache.load(input.root);
  const facts = await outlineFacts(input.root, files, cache);
  const ranked = rankFiles(
    input.task,
    files.map((f) => ({ path: f.path, ...(facts.get(f.path) as CachedOutline) })),
    input.named,
  );
  let count: TokenCounter | undefined;
  const viewFiles = [];
  for (const path of ranked) {
    let pathTokens = cache.pathTokens(path);
    if (pathTokens === undefined) {
      count ??= await contextTokenCounter();
      pathTokens = count(`${path}\n`);
      cache.setPathTokens(path, pathTokens);
    }
    viewFiles.push({ path, pathTokens, outlineTokens: facts.get(path)?.viewTokens ?? 0 });
  }
  const plan = planRepoView(viewFiles, input.budget);
  const hashOf = new Map(files.map((f) => [f.path, f.hash]));
  const outlines = new Map(
    await inBatches(plan.outlined, async (path) => {
      const text = await cache.shownText(hashOf.get(path) ?? '', async () => outlineFile(path, await readRegularFile(join(input.root, path))).join('\n'));
      return [path, text === '' ? [] : text.split('\n')] as const;
    }),
  );
  await cache.save(input.root, files);
  return { ...renderRepoView(plan, (path) => outlines.get(path) ?? []), total: all.length, withheld: all.length - files.length };
}

/** Outline facts of every file: from the cache, or outlined now (and cached) for blobs it does not know. */
async function outlineFacts(root: string, files: readonly IndexedFile[], cache: OutlineCache): Promise<Map<string, CachedOutline>> {
  const result = new Map<string, CachedOutline>();
  const missing: IndexedFile[] = [];
  for (const file of files) {
    const cached = cache.outline(file.hash);
    if (cached) result.set(file.path, cached);
    else missing.push(file);
  }
  if (missing.length === 0) return result;
  const count = await contextTokenCounter();
  await inBatches(missing, async (file) => {
    const facts = outlineFactsOf(outlineFile(file.path, await readRegularFile(join(root, file.path))), count);
    cache.setOutline(file.hash, facts);
    result.set(file.path, facts);
  });
  return result;
}

/** What the cache keeps of an outline: the token cost of its part in the view and the words ranking looks for. */
export function outlineFactsOf(lines: readonly string[], count: TokenCounter): CachedOutline {
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
