/** A file as the reference graph sees it: the names it defines and the names it uses. */
export interface GraphFile {
  defines: readonly string[];
  references: readonly string[];
}

const DAMPING = 0.85;
const ITERATIONS = 30;
// A name defined in more files than this (get, name, value, index) says little about which one is meant.
const MAX_DEFINERS = 12;

/**
 * Personalised PageRank over the reference graph, the method of aider's repository map: each file
 * that uses a name points to the files that define it, weighted up for the names in `focus` (the
 * task's identifiers) and for long, specific names, down for private and widely defined ones; the walk
 * restarts at `personal` (the task's named and matching files), so rank flows from what the task
 * is about to what those files depend on. Returns a score per file; higher is more relevant.
 */
export function graphRank(files: readonly GraphFile[], personal: ArrayLike<number>, focus: ReadonlySet<string>): Float64Array {
  const n = files.length;
  const definers = new Map<string, number[]>();
  files.forEach((file, i) => {
    for (const name of file.defines) {
      const list = definers.get(name);
      if (list) list.push(i);
      else definers.set(name, [i]);
    }
  });
  // Edges per source file, merged per target: source -> (target -> weight).
  const edges: Array<Map<number, number>> = files.map((file, i) => {
    const out = new Map<number, number>();
    for (const name of file.references) {
      const targets = definers.get(name);
      if (!targets || targets.length > MAX_DEFINERS) continue;
      const weight = nameWeight(name, focus) / targets.length;
      for (const t of targets) if (t !== i) out.set(t, (out.get(t) ?? 0) + weight);
    }
    return out;
  });
  const outWeight = edges.map((out) => [...out.values()].reduce((a, b) => a + b, 0));
  const p = normalised(personal, n);
  let rank = Float64Array.from(p);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const next = new Float64Array(n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outWeight[i] === 0) {
        dangling += rank[i];
        continue;
      }
      const share = (DAMPING * rank[i]) / outWeight[i];
      for (const [t, w] of edges[i]) next[t] += share * w;
    }
    for (let i = 0; i < n; i++) next[i] += ((1 - DAMPING) + DAMPING * dangling) * p[i];
    rank = next;
  }
  return rank;
}

/** How much a use of a name says about a file's link to its definer. */
function nameWeight(name: string, focus: ReadonlySet<string>): number {
  let weight = 1;
  if (focus.has(name)) weight *= 10;
  // camelCase, snake_case or kebab names of 8+ characters are specific; short plain words are not.
  if (name.length >= 8 && /[a-z][A-Z]|_[a-z]/.test(name)) weight *= 2;
  if (name.startsWith('_')) weight *= 0.1;
  return weight;
}

/** The restart vector: `personal` scaled to sum 1, or uniform when it is all zero. */
function normalised(personal: ArrayLike<number>, n: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, personal[i]);
  return Float64Array.from({ length: n }, (_, i) => (sum > 0 ? Math.max(0, personal[i]) / sum : 1 / n));
}
