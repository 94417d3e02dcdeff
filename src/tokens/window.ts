/** Lines of a file, 1-based and inclusive, as sent to the editor instead of the whole file. */
export interface LineWindow {
  startLine: number;
  endLine: number;
}

/** A chosen window and the step's terms found in it, best first. */
export interface ChosenWindow extends LineWindow {
  terms: string[];
}

const STOP_WORDS = new Set(
  'the this that with from into over under when then than them they their there these those what which while where each every also only just make makes made keep keeps must should would could will shall does done have has had been being here after before about above below between other same such some more most less very instead returns return function const class export import type interface async await value values file files line lines step code add adds update change rename remove delete create call calls use uses used using new old'.split(
    ' ',
  ),
);

/** Terms a step points at: code-like words (camelCase, snake_case, dotted, backticked) and other words of 4+ letters. */
export function focusTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const match of text.matchAll(/`([^`\n]{2,60})`/g)) {
    for (const word of match[1].match(/[A-Za-z_$][\w$]*/g) ?? []) if (word.length >= 3) terms.add(word);
  }
  for (const word of text.match(/[A-Za-z_$][\w$]*/g) ?? []) {
    if (word.length >= 4 && !STOP_WORDS.has(word.toLowerCase())) terms.add(word);
  }
  return [...terms];
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function codeLike(term: string): boolean {
  return /[a-z][A-Z]|_|\$|\d/.test(term) || /^[A-Z][a-z]+[A-Z]/.test(term);
}

/**
 * Scores each line by the terms it holds: rare terms weigh more, code-like terms and declarations more
 * still; a term on more than a third of the lines says nothing about where to look and is ignored.
 */
export function scoreLines(lines: readonly string[], terms: readonly string[]): { scores: number[]; hits: Map<string, number[]> } {
  const scores = lines.map(() => 0);
  const hits = new Map<string, number[]>();
  for (const term of terms) {
    const word = new RegExp(`(^|[^\\w$])${escape(term)}($|[^\\w$])`);
    const declared = new RegExp(`\\b(function|class|interface|type|enum|struct|const|let|var|def|fn|func)\\s+${escape(term)}\\b`);
    const at = lines.flatMap((line, i) => (word.test(line) ? [i] : []));
    if (at.length === 0 || at.length > Math.max(3, lines.length / 3)) continue;
    hits.set(term, at);
    const weight = (codeLike(term) ? 3 : 1) / at.length;
    for (const i of at) scores[i] += declared.test(lines[i]) ? weight * 3 : weight;
  }
  return { scores, hits };
}

/**
 * The window of `lines` to send within `budget` tokens: it starts at the best-scored line, takes in
 * the next best lines while the span still fits, then grows evenly both ways. With no term found it
 * starts at the top of the file.
 */
export function chooseWindow(lines: readonly string[], focus: string, budget: number, count: (text: string) => number): ChosenWindow {
  const terms = focusTerms(focus);
  const { scores, hits } = scoreLines(lines, terms);
  // prefix[i] is the cost of lines 0..i-1, so any span's cost is one subtraction.
  const prefix = [0];
  for (const line of lines) prefix.push(prefix[prefix.length - 1] + count(`${line}\n`));
  const spanCost = (from: number, to: number): number => prefix[to + 1] - prefix[from];
  const ranked = scores
    .map((score, i) => ({ score, i }))
    .filter((l) => l.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i);
  let start = ranked[0]?.i ?? 0;
  let end = start;
  for (const { i } of ranked.slice(1)) {
    const from = Math.min(start, i);
    const to = Math.max(end, i);
    if (spanCost(from, to) <= budget) [start, end] = [from, to];
  }
  let grew = true;
  while (grew) {
    grew = false;
    if (end + 1 < lines.length && spanCost(start, end + 1) <= budget) {
      end++;
      grew = true;
    }
    if (start > 0 && spanCost(start - 1, end) <= budget) {
      start--;
      grew = true;
    }
  }
  const inside = [...hits.entries()]
    .map(([term, at]) => ({ term, n: at.filter((i) => i >= start && i <= end).reduce((s, i) => s + scores[i], 0) }))
    .filter((t) => t.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((t) => t.term);
  return { startLine: start + 1, endLine: end + 1, terms: inside };
}
