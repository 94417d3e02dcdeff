/** One file as the view plans it: its path and what its path line and shown outline cost in tokens. */
export interface ViewFile {
  path: string;
  pathTokens: number;
  outlineTokens: number;
}

/** Which files the view outlines, which it lists by path only, and which it leaves out. */
export interface ViewPlan {
  outlined: string[];
  listed: string[];
  omitted: string[];
  /** Estimated tokens of the rendered view. */
  tokens: number;
  /** The budget it was planned for. */
  budget: number;
}

/** What the architect is shown of the repository, and how much of it was left out. */
export interface RepoView {
  /** The rendered view: outlined files (most relevant first), then other paths, then a count of what was left out. */
  text: string;
  /** Each outlined file and the text it contributes, for the egress ledger. */
  outlined: Array<{ path: string; text: string }>;
  /** Files listed by path only. */
  listed: number;
  /** Files not listed at all, to stay within budget. */
  omitted: number;
  /** Estimated tokens of `text`. */
  tokens: number;
}

/** Files a view must show whatever its budget: outlined, or at least listed by path. */
export interface ViewFocus {
  outline?: ReadonlySet<string>;
  list?: ReadonlySet<string>;
}

/** Outline lines shown per file in the repository view; a file asked for by name gets its whole outline. */
export const VIEW_OUTLINE_LINES = 30;
// Share of the budget outlines may take when not everything fits; the rest lists paths.
const OUTLINE_SHARE = 0.7;
// Tokens kept for the "not listed" summary at the end: a fifth of the budget, at most 300 and at least 40;
// its header and last line take about 32, each folder line about 12.
/** Tokens kept for the closing "not listed" summary of a view planned for `budget`. */
export const summaryReserve = (budget: number): number => Math.min(300, Math.max(40, Math.floor(budget / 5)));
const folderLines = (reserve: number): number => Math.min(20, Math.floor((reserve - 32) / 12));

/** The lines of an outline the repository view shows: the first VIEW_OUTLINE_LINES, and how many more there are. */
export function viewLines(lines: readonly string[]): string[] {
  if (lines.length <= VIEW_OUTLINE_LINES) return [...lines];
  return [...lines.slice(0, VIEW_OUTLINE_LINES), `… ${lines.length - VIEW_OUTLINE_LINES} more`];
}

/**
 * Fits ranked files into a token budget: outlines in rank order while they fit (all of them when
 * everything fits, else up to 70% of what the closing summary leaves), then the paths of the others in
 * rank order, and the rest only counted per folder, so the architect knows what exists without reading it.
 * Files in `focus.outline` are outlined, and files in `focus.list` at least listed, whatever the budget
 * (the caller sizes the budget for them).
 */
export function planRepoView(ranked: readonly ViewFile[], budget: number, focus: ViewFocus = {}): ViewPlan {
  const costs = ranked.map((file) => file.pathTokens + file.outlineTokens);
  const everything = costs.reduce((sum, cost) => sum + cost, 0);
  const reserve = summaryReserve(budget);
  const outlineBudget = everything <= budget ? budget : Math.floor((budget - reserve) * OUTLINE_SHARE);
  const plan: ViewPlan = { outlined: [], listed: [], omitted: [], tokens: 0, budget };
  const rest: ViewFile[] = [];
  ranked.forEach((file, i) => {
    if (plan.tokens + costs[i] <= outlineBudget || focus.outline?.has(file.path)) {
      plan.tokens += costs[i];
      plan.outlined.push(file.path);
    } else if (focus.list?.has(file.path)) {
      plan.tokens += file.pathTokens;
      plan.listed.push(file.path);
    } else rest.push(file);
  });
  for (const file of rest) {
    if (plan.tokens + file.pathTokens <= budget - reserve) {
      plan.tokens += file.pathTokens;
      plan.listed.push(file.path);
    } else plan.omitted.push(file.path);
  }
  if (plan.omitted.length > 0) plan.tokens += reserve;
  return plan;
}

/** Renders a planned view, with `outlineOf` giving each outlined file's outline lines and `noteOf` a note after a path (such as the task's symbols it uses). */
export function renderRepoView(plan: ViewPlan, outlineOf: (path: string) => readonly string[], noteOf: (path: string) => string = () => ''): RepoView {
  const outlined = plan.outlined.map((path) => ({ path, text: [`${path}${noteOf(path)}`, ...viewLines(outlineOf(path)).map((l) => `  ${l}`)].join('\n') }));
  const sections = [outlined.map((o) => o.text).join('\n')];
  if (plan.listed.length > 0) sections.push(`Other files (paths only):\n${[...plan.listed].sort().map((path) => `${path}${noteOf(path)}`).join('\n')}`);
  if (plan.omitted.length > 0) {
    sections.push(`Not listed, to keep within the context budget (${plan.omitted.length} files):\n${folderCounts(plan.omitted, folderLines(summaryReserve(plan.budget)))}`);
  }
  return { text: sections.filter(Boolean).join('\n\n'), outlined, listed: plan.listed.length, omitted: plan.omitted.length, tokens: plan.tokens };
}

/** "src/legacy/ (412 files)" lines for left-out files, by their first two folders, biggest first, at most `max`. */
function folderCounts(paths: readonly string[], max: number): string {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const parts = path.split('/');
    const folder = parts.length > 2 ? `${parts.slice(0, 2).join('/')}/` : parts.length === 2 ? `${parts[0]}/` : './';
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const lines = sorted.slice(0, max).map(([folder, n]) => `${folder} (${n} file${n === 1 ? '' : 's'})`);
  const others = sorted.slice(max).reduce((sum, [, n]) => sum + n, 0);
  if (others > 0) lines.push(`and ${others} more in ${sorted.length - max} other folders`);
  return lines.join('\n');
}

// Lines a long outline of a task's target keeps besides the lines naming the task's symbols.
const TARGET_HEAD_LINES = 10;

/**
 * The outline lines of a target file the view shows: all of a short outline; of a long one, the lines
 * that name one of the task's symbols (with the lines of what contains them) and the first few others,
 * in file order, then how many were left out. A task naming a function deep in a large file still shows it.
 */
export function focusLines(lines: readonly string[], symbols: ReadonlySet<string>): string[] {
  if (lines.length <= VIEW_OUTLINE_LINES || symbols.size === 0) return [...lines];
  const names = new RegExp(`(^|[^\\w$])(${[...symbols].map((s) => s.replace(/\$/g, '\\$')).join('|')})($|[^\\w$])`);
  const keep = new Set<number>();
  lines.forEach((line, i) => {
    if (!names.test(line)) return;
    keep.add(i);
    // The containers: the nearest earlier lines with less indentation.
    let indent = line.length - line.trimStart().length;
    for (let j = i - 1; j >= 0 && indent > 0; j--) {
      const own = lines[j].length - lines[j].trimStart().length;
      if (own < indent) {
        keep.add(j);
        indent = own;
      }
    }
  });
  for (let i = 0; i < TARGET_HEAD_LINES; i++) keep.add(i);
  const shown = [...keep].sort((a, b) => a - b).slice(0, VIEW_OUTLINE_LINES - 1);
  return [...shown.map((i) => lines[i]), `… ${lines.length - shown.length} more`];
}
