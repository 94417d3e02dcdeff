// The drift classes of issue 3: each turns one real hunk into what a small model tends to write
// instead, keeping the intent, so the right result is still the true file. null: not applicable.
import { basename } from 'node:path';
import { fromLines, hunkBody, occurrences, searchReplace, toLines, unifiedDiff } from './hunks.mjs';

const lead = (line) => /^[ \t]*/.exec(line)[0];
const blank = (line) => line.trim() === '';
const trimmed = (a, b) => a.trim() === b.trim();

/** The file's indentation unit in spaces: the most common step between neighbouring lines (JSDoc ` * ` lines aside). */
export function indentUnit(lines) {
  const widths = lines.filter((l) => !blank(l) && !/^\s*\*/.test(l)).map((l) => lead(l).length);
  const steps = new Map();
  for (let i = 1; i < widths.length; i++) {
    const step = Math.abs(widths[i] - widths[i - 1]);
    if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
  }
  return [...steps].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 2;
}

/** Leading spaces as tabs, one per unit (a remainder stays spaces). */
export function spacesToTabs(line, unit) {
  const n = /^ */.exec(line)[0].length;
  return '\t'.repeat(Math.floor(n / unit)) + ' '.repeat(n % unit) + line.slice(n);
}

/**
 * A tab-indented file that keeps spaces on some lines, as real ones do: JSDoc bodies and
 * continuation lines (`| 'code'`, `.then(...)`, `? a : b`, `&& x`) pasted in with spaces.
 */
export function mixedIndent(line, unit) {
  return /^ +(\*|\||\.|\?|:|&&|\|\|)/.test(line) ? line : spacesToTabs(line, unit);
}

const shift = (lines, by) => lines.map((l) => (blank(l) ? l : by > 0 ? ' '.repeat(by) + l : l.slice(-by)));

/** Indentation shifted as a block: dedented to column 0 when indented, else pushed right by 4. */
export function shiftIndent(h) {
  const widths = [...h.search, ...h.replace].filter((l) => !blank(l)).map((l) => lead(l).length);
  if (widths.length === 0 || [...h.search, ...h.replace].some((l) => l.startsWith('\t'))) return null;
  const by = Math.min(...widths) >= 2 ? -Math.min(...widths) : 4;
  return { search: shift(h.search, by), replace: shift(h.replace, by) };
}

/** Trailing spaces added to the old lines (and the copies of unchanged ones in the new lines). */
export function withTrailing(h) {
  const ops = h.ops.map((o) => (o.op !== '+' && !blank(o.text) ? { ...o, text: `${o.text}  ` } : o));
  return { search: ops.filter((o) => o.op !== '+').map((o) => o.text), replace: ops.filter((o) => o.op !== '-').map((o) => o.text) };
}

function typo(line) {
  const mid = Math.floor(line.length / 2);
  for (let d = 0; d < line.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (/[a-z]/i.test(line[i] ?? '')) {
        const c = line[i].toLowerCase() === 'e' ? 'a' : 'e';
        return line.slice(0, i) + (line[i] === line[i].toUpperCase() ? c.toUpperCase() : c) + line.slice(i + 1);
      }
    }
  }
  return null;
}

/**
 * One case per drift class for hunk `h` of `file` (`old`: its lines). Each case: { cls, before, answer, expected }.
 * A variant whose old text, once drifted, matches exactly somewhere is left out (it would be a
 * different edit, not drift); one that matches several places once normalized is 'ambiguous-after-drift'.
 */
export function driftCases(file, old, h) {
  const { path } = file;
  const out = [];
  const add = (cls, answer, extra = {}) => out.push({ cls, before: file.before, expected: h.expected, answer, ...extra });
  const drifted = (cls, search, replace, same) => {
    if (occurrences(old, search) > 0) return;
    add(occurrences(old, search, same) > 1 ? 'ambiguous-after-drift' : cls, searchReplace(path, search, replace));
  };

  const unit = indentUnit(old);
  const tabbed = (text) => fromLines(toLines(text).map((l) => spacesToTabs(l, unit)));
  add('exact', searchReplace(path, h.search, h.replace));
  for (const [cls, answer, extra] of udiffVariants(path, h, unit)) add(cls, answer, extra && { before: tabbed(file.before), expected: tabbed(h.expected) });

  const shifted = shiftIndent(h);
  if (shifted) drifted('indent-shifted', shifted.search, shifted.replace, trimmed);
  if (h.search.some((l) => l.startsWith(' '.repeat(unit)))) {
    drifted('tabs-for-spaces', h.search.map((l) => spacesToTabs(l, unit)), h.replace.map((l) => spacesToTabs(l, unit)), trimmed);
    add('spaces-for-tabs', searchReplace(path, h.search, h.replace), { before: tabbed(file.before), expected: tabbed(h.expected) });
  }
  // The old text copied exactly from a tab file whose space-indented lines it includes.
  const mixed = (lines) => lines.map((l) => mixedIndent(l, unit));
  const mixedOld = mixed(old);
  const mixedSearch = mixed(h.search);
  if (mixedSearch.some((l) => /^ {2}/.test(l)) && mixedOld.some((l) => l.startsWith('\t')) && occurrences(mixedOld, mixedSearch) === 1) {
    add('mixed-indent', searchReplace(path, mixedSearch, mixed(h.replace)), { before: fromLines(mixedOld), expected: fromLines(mixed(toLines(h.expected))) });
  }
  const ws = withTrailing(h);
  if (ws.search.some((l, i) => l !== h.search[i])) drifted('trailing-ws-added', ws.search, ws.replace, (a, b) => a.trimEnd() === b.trimEnd());
  out.push(trailingDropped(file, old, h));
  add('crlf-file-lf-answer', searchReplace(path, h.search, h.replace), { before: file.before.replace(/\n/g, '\r\n'), expected: h.expected.replace(/\n/g, '\r\n') });

  const end = h.start + h.search.length;
  if (h.start > 0 && !blank(old[h.start - 1])) drifted('blank-line-added', ['', ...h.search], ['', ...h.replace], (a, b) => a === b);
  else if (end < old.length && !blank(old[end])) drifted('blank-line-added', [...h.search, ''], [...h.replace, ''], (a, b) => a === b);
  const first = h.ops[0];
  const last = h.ops[h.ops.length - 1];
  const lost = first.op === ' ' && blank(first.text) ? h.search.slice(1) : last.op === ' ' && blank(last.text) ? h.search.slice(0, -1) : null;
  if (lost && occurrences(old, lost) === 1) add('blank-line-lost', searchReplace(path, lost, h.replace));

  add('path-a-b-prefix', searchReplace(`a/${path}`, h.search, h.replace));
  // Shapes real models write (issue 14), read as `tandem patch` reads an answer (`files`: the path
  // must name the file): a bare name such as Makefile (here the file is given one), the name alone
  // in a fence before the block's fence, aider's <source> fence, ======= ending REPLACE.
  const bare = basename(path).replace(/\..*$/, '');
  add('path-bare-name', searchReplace(bare, h.search, h.replace), { path: bare, files: true });
  add('path-own-fence', `\`\`\`\n${path}\n\`\`\`\n\n\`\`\`js\n${searchReplace(null, h.search, h.replace)}\`\`\`\n`, { files: true });
  add('source-fence', `${path}\n<source>js\n${searchReplace(null, h.search, h.replace)}</source>\n`, { files: true });
  const slip = searchReplace(null, h.search, h.replace).replace(/>>>>>>> REPLACE\n$/, '=======\n');
  add('replace-ends-with-divider', `${path}\n\`\`\`js\n${slip}\`\`\`\n`, { files: true });
  add('path-basename', searchReplace(basename(path), h.search, h.replace));
  add(
    'think-and-prose',
    `<think>\nThe user wants this change in ${basename(path)}. I should keep the block small.\n</think>\nHere is the change:\n\n${path}\n\`\`\`js\n${searchReplace(null, h.search, h.replace)}\`\`\`\n\nThis keeps the rest of the file as it is. Let me know if you want tests too.\n`,
  );

  // A typo in an unchanged line the model copied, and one in the line it changes.
  for (const [cls, op] of [['typo-in-search', ' '], ['typo-in-changed-line', '-']]) {
    const k = h.ops.findIndex((o) => o.op === op && o.text.trim().length >= 12);
    const wrong = k >= 0 ? typo(h.ops[k].text) : null;
    if (!wrong) continue;
    const ops = h.ops.map((o, i) => (i === k ? { ...o, text: wrong } : o));
    add(cls, searchReplace(path, ops.filter((o) => o.op !== '+').map((o) => o.text), ops.filter((o) => o.op !== '-').map((o) => o.text)));
  }
  return out;
}

/** Unified diffs of the hunk as models write them; `true` third: the case is on the tab-indented file. */
function udiffVariants(path, h, unit) {
  const fence = (body, headers = true) => `\`\`\`diff\n${headers ? `--- a/${path}\n+++ b/${path}\n` : ''}${body}\`\`\`\n`;
  const out = [
    ['udiff', unifiedDiff(path, [h])],
    ['udiff-wrong-numbers', fence(`@@ -${h.oldStart + 41},${h.oldLines + 3} +${h.newStart + 7},${h.newLines + 2} @@\n${hunkBody(h.ops)}`)],
    ['udiff-no-headers', `${path}\n${fence(`@@ ... @@\n${hunkBody(h.ops)}`, false)}`],
  ];
  if (h.ops.some((o) => o.op === ' ' && o.text === '')) out.push(['udiff-blank-context-bare', unifiedDiff(path, [h]).replace(/^ $/gm, '')]);
  // On tab-indented code a line left without its marker is still recognisable: it does not start with a space.
  const tabOps = h.ops.map((o) => ({ ...o, text: spacesToTabs(o.text, unit) }));
  const lines = tabOps.map((o, i) => {
    const inRun = tabOps[i - 1]?.op === '+' && tabOps[i + 1]?.op === '+';
    return o.op === '+' && inRun && /^[^ +\-@\\]/.test(o.text) && !blank(o.text) ? o.text : `${o.op}${o.text}`;
  });
  if (lines.some((l, i) => l === tabOps[i].text)) out.push(['udiff-unmarked-added', fence(`@@ @@\n${fromLines(lines)}`), true]);
  return out;
}

/** The file has trailing whitespace on the hunk's old lines; the model's copy has none. */
function trailingDropped(file, old, h) {
  const before = [...old];
  const expected = toLines(h.expected);
  let o = h.start;
  let n = h.start;
  for (const op of h.ops) {
    if (op.op !== '+' && !blank(before[o])) before[o] += '  ';
    if (op.op === ' ' && !blank(expected[n])) expected[n] += '  ';
    if (op.op !== '+') o++;
    if (op.op !== '-') n++;
  }
  return { cls: 'trailing-ws-dropped', before: fromLines(before), expected: fromLines(expected), answer: searchReplace(file.path, h.search, h.replace) };
}
