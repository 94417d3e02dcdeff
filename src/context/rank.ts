import { basename, dirname, extname } from 'node:path';
import { identifierWords, stem } from './words.js';

/** A file as ranking sees it: its path and the words of the names its outline declares (see declaredWords). */
export interface RankInput {
  path: string;
  /** Declared names, stemmed, space-separated with a space at each end. */
  names: string;
  /** Words inside those names that are not names themselves, the same way. */
  parts: string;
}

const STOP_WORDS = new Set(
  'the and for with from into that this then than when what which where while each every also only just make makes made keep must should would could will does done have has had been here after before about above below other same such some more most less very instead return returns use uses used using add adds update change rename remove delete create new old all any not but its file files code line lines function method class please can you our your their there these those them they way like need needs want wants sure'.split(' '),
);

/** The words of a task worth matching: identifiers and words of 3+ letters, split and stemmed, stop words left out. */
export function taskTerms(task: string): string[] {
  const terms = new Set<string>();
  for (const token of task.match(/[A-Za-z_$][\w$]*/g) ?? []) {
    for (const word of [token.toLowerCase(), ...identifierWords(token)]) {
      if (word.length >= 3 && !STOP_WORDS.has(word)) terms.add(stem(word));
    }
  }
  return [...terms];
}

// The name declared by an outline line: the identifier after a declaring keyword, or before `(`, `<` or `:`.
const DECLARED = /(?:\b(?:function|class|interface|type|enum|struct|trait|impl|def|fn|func|fun|mod|module|namespace|const|let|var)\s+([A-Za-z_$][\w$]*))|([A-Za-z_$][\w$]*)\s*[(<:]/g;

/** The names an outline declares and the other words inside them, as RankInput wants them (computed once per blob and cached). */
export function declaredWords(lines: readonly string[]): { names: string; parts: string } {
  const names = new Set<string>();
  const parts = new Set<string>();
  for (const line of lines) {
    for (const match of line.matchAll(DECLARED)) {
      const name = match[1] ?? match[2];
      names.add(stem(name.toLowerCase()));
      for (const word of identifierWords(name)) parts.add(stem(word));
    }
  }
  const inner = [...parts].filter((word) => !names.has(word));
  return { names: ` ${[...names].join(' ')} `, parts: ` ${inner.join(' ')} ` };
}

/**
 * Orders files by relevance to a task: files named with --file first (in the order given), then files
 * the task mentions by path or file name, then by wordScores. Ties keep the input order.
 */
export function rankFiles(task: string, files: readonly RankInput[], named: readonly string[] = []): string[] {
  const scores = wordScores(task, files);
  // Only files that scored need sorting; the others follow in their own order.
  const hits = files.map((_, i) => i).filter((i) => scores[i] > 0);
  hits.sort((a, b) => scores[b] - scores[a] || a - b);
  const order = [...hits, ...files.map((_, i) => i).filter((i) => scores[i] === 0)];
  const known = new Set(files.map((f) => f.path));
  const first = [...new Set(named)].filter((path) => known.has(path));
  const firstSet = new Set(first);
  return [...first, ...order.map((i) => files[i].path).filter((path) => !firstSet.has(path))];
}

/**
 * Each file's score for a task: 1000 when the task mentions it by path or file name, plus the task's
 * terms found in the file's name (most), its folders, and the names it declares; a term found in many
 * files counts for less (inverse document frequency).
 */
export function wordScores(task: string, files: readonly RankInput[]): Float64Array {
  const terms = taskTerms(task);
  // A cheap substring test first: most files hold none of the terms, and splitting 10,000 paths into words is not free.
  const probes = terms.map((term) => term.slice(0, Math.max(3, term.length - 1)));
  // Per file and term, which places hold the term: 1 file name, 2 folders, 4 declared name, 8 word in a declared name.
  const found = new Uint8Array(files.length * terms.length);
  const documentFrequency = new Array<number>(terms.length).fill(0);
  files.forEach((file, i) => {
    const lower = file.path.toLowerCase();
    let base: string[] | undefined;
    let dirs: string[] | undefined;
    terms.forEach((term, t) => {
      let where = 0;
      if (lower.includes(probes[t])) {
        base ??= identifierWords(basename(file.path, extname(file.path))).map(stem);
        dirs ??= identifierWords(dirname(file.path)).map(stem);
        where |= (base.includes(term) ? 1 : 0) | (dirs.includes(term) ? 2 : 0);
      }
      if (file.names.includes(` ${term} `)) where |= 4;
      else if (file.parts.includes(` ${term} `)) where |= 8;
      found[i * terms.length + t] = where;
      if (where !== 0) documentFrequency[t]++;
    });
  });
  const weights = documentFrequency.map((df) => (df === 0 ? 0 : Math.log(1 + files.length / df)));
  const scores = new Float64Array(files.length);
  files.forEach((file, i) => {
    let score = mentions(task, file.path) ? 1000 : 0;
    for (let t = 0; t < terms.length; t++) {
      const where = found[i * terms.length + t];
      if (where !== 0) score += weights[t] * ((where & 1 ? 3 : 0) + (where & 2 ? 1 : 0) + (where & 4 ? 2 : where & 8 ? 1 : 0));
    }
    scores[i] = score;
  });
  return scores;
}

/** True when the task names the file by its path, or by a file name that is distinctive (has an extension). */
export function mentions(task: string, path: string): boolean {
  if (task.includes(path)) return true;
  const name = basename(path);
  const at = task.indexOf(name);
  if (at < 0 || !name.includes('.') || name.length <= 4) return false;
  const before = task[at - 1] ?? ' ';
  const after = task[at + name.length] ?? ' ';
  return /[\s'"`(/]/.test(before) && /[\s'"`),.:;]/.test(after);
}
