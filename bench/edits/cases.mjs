// Every benchmark case: the drift variants of each real hunk, whole-file answers, elisions across
// two hunks, and the cases that must be refused.
import { driftCases, shiftIndent, withTrailing } from './drift.mjs';
import { fromLines, hunksOf, occurrences, searchReplace, toLines, unifiedDiff } from './hunks.mjs';

const blank = (line) => line.trim() === '';
const lead = (line) => /^[ \t]*/.exec(line)[0];
const LANG = { js: 'js', mjs: 'js', cjs: 'js', ts: 'ts' };
const langOf = (path) => LANG[path.split('.').pop()] ?? '';

// Refusing these is by design: the old text is unclear (several places once drifted; a typo in
// the very line the edit changes, whose new version may carry the model's misreading).
const EITHER = new Set(['ambiguous-after-drift', 'typo-in-changed-line']);

/** What a class expects: a recoverable edit applied exactly, a refusal, or either (ambiguous once drifted). */
export function kindOf(cls) {
  if (cls.startsWith('refuse-')) return 'refusal';
  return EITHER.has(cls) ? 'either' : 'recoverable';
}

/** Two hunks in one block with the unchanged lines between them elided, as `...` or as a comment. */
function elisionCases(file, old, unique) {
  const out = [];
  for (let i = 0; i + 1 < unique.length; i++) {
    const [a, b] = [unique[i], unique[i + 1]];
    const gap = old.slice(a.start + a.search.length, b.start);
    if (gap.length < 1 || gap.length > 60) continue;
    // A marker stands for the lines it sits among: at the outermost indentation it elides.
    const indent = gap.filter((l) => !blank(l)).map(lead).sort((x, y) => x.length - y.length)[0] ?? lead(b.search[0]);
    const expected = fromLines([...old.slice(0, a.start), ...a.replace, ...gap, ...b.replace, ...old.slice(b.start + b.search.length)]);
    for (const [cls, marker] of [['elision-dots', '...'], ['elision-comment', '// ... existing code ...']]) {
      const answer = searchReplace(file.path, [...a.search, indent + marker, ...b.search], [...a.replace, indent + marker, ...b.replace]);
      out.push({ cls, before: file.before, expected, answer });
    }
  }
  return out;
}

/** The complete new file, and lazy versions of it that replace unchanged code with a marker. */
function wholeCases(file, hunks) {
  const fresh = toLines(file.after);
  const fence = (lines) => `${file.path}\n\`\`\`${langOf(file.path)}\n${fromLines(lines)}\`\`\`\n`;
  const out = [{ cls: 'whole-file', before: file.before, expected: file.after, answer: fence(fresh) }];
  const changed = new Set(hunks.flatMap((h) => Array.from({ length: h.newLines }, (_, k) => h.newStart - 1 + k)));
  const runs = [];
  for (let i = 0; i < fresh.length; i++) {
    if (changed.has(i)) continue;
    let j = i;
    while (j < fresh.length && !changed.has(j)) j++;
    if (j - i >= 6) runs.push([i, j]);
    i = j;
  }
  const lazy = (from, to, marker) => {
    const indent = lead(fresh.slice(from, to).find((l) => !blank(l)) ?? '');
    out.push({ cls: 'refuse-lazy-whole', before: file.before, expected: file.before, answer: fence([...fresh.slice(0, from), indent + marker, ...fresh.slice(to)]) });
  };
  const longest = runs.sort((x, y) => y[1] - y[0] - (x[1] - x[0]))[0];
  if (longest) {
    // Keep the run's first and last lines, so the marker sits inside code, as models write it.
    lazy(longest[0] + 1, longest[1] - 1, '// ... existing code ...');
    lazy(longest[0] + 1, longest[1] - 1, '...');
  }
  const tail = runs.find((r) => r[1] === fresh.length);
  if (tail) lazy(tail[0] + 2, tail[1], '// ... rest of the file unchanged');
  return out;
}

/** Cases that must be refused: the old text twice in the file (exact and drifted), old text from elsewhere, old lines out of order. */
function refusalCases(file, old, h, foreign) {
  const out = [];
  const twice = fromLines([...old, ...h.search]);
  out.push({ cls: 'refuse-ambiguous', before: twice, expected: twice, answer: searchReplace(file.path, h.search, h.replace) });
  for (const drifted of [withTrailing(h), shiftIndent(h)]) {
    if (drifted) out.push({ cls: 'refuse-ambiguous-drifted', before: twice, expected: twice, answer: searchReplace(file.path, drifted.search, drifted.replace) });
  }
  if (foreign && occurrences(old, foreign.search, (a, b) => a.trim() === b.trim()) === 0) {
    out.push({ cls: 'refuse-no-match', before: file.before, expected: file.before, answer: searchReplace(file.path, foreign.search, foreign.replace) });
  }
  const reversed = [...h.search].reverse();
  if (h.search.filter((l) => !blank(l)).length >= 4 && reversed.some((l, i) => l !== h.search[i])) {
    out.push({ cls: 'refuse-scrambled', before: file.before, expected: file.before, answer: searchReplace(file.path, reversed, h.replace) });
  }
  return out;
}

/** All cases for the changed files: { cls, kind, pkg, path, before, expected, answer }. */
export function buildCases(files) {
  const all = files.map((file) => ({ file, old: toLines(file.before), hunks: hunksOf(file) }));
  const pool = all.flatMap(({ file, hunks }) => hunks.filter((h) => h.search.filter((l) => !blank(l)).length >= 4).map((h) => ({ pkg: file.pkg, h })));
  const cases = [];
  let n = 0;
  for (const { file, old, hunks } of all) {
    const tag = (list) => cases.push(...list.map((c) => ({ ...c, kind: kindOf(c.cls), pkg: file.pkg, path: c.path ?? file.path })));
    const unique = hunks.filter((h) => occurrences(old, h.search) === 1);
    for (const h of hunks.filter((x) => !unique.includes(x))) {
      tag([{ cls: 'refuse-ambiguous', before: file.before, expected: file.before, answer: searchReplace(file.path, h.search, h.replace) }]);
    }
    for (const h of unique) {
      const others = pool.filter((p) => p.pkg !== file.pkg);
      tag([...driftCases(file, old, h), ...refusalCases(file, old, h, others[(n++ * 7 + 3) % others.length]?.h)]);
    }
    if (hunks.length === 0) continue;
    if (unique.length === hunks.length) {
      tag([{ cls: 'multi-block', before: file.before, expected: file.after, answer: hunks.map((h) => searchReplace(file.path, h.search, h.replace)).join('\n') }]);
    }
    tag([{ cls: 'udiff-whole-change', before: file.before, expected: file.after, answer: unifiedDiff(file.path, hunks) }]);
    tag([...elisionCases(file, old, unique), ...wholeCases(file, hunks)]);
  }
  return cases;
}
