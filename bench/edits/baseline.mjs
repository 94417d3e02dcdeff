// The plain exact-match baseline: SEARCH/REPLACE blocks (or diff hunks, or one fenced file) applied
// by exact string search, and only where the old text occurs exactly once.
const fromLines = (lines) => lines.map((l) => `${l}\n`).join('');

function blocksOf(lines) {
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^<{7} SEARCH\s*$/.test(lines[i])) continue;
    const j = lines.indexOf('=======', i);
    const k = lines.findIndex((l, n) => n > j && /^>{7} REPLACE\s*$/.test(l));
    if (j < 0 || k < 0) return null;
    blocks.push({ search: lines.slice(i + 1, j), replace: lines.slice(j + 1, k) });
    i = k;
  }
  if (blocks.length > 0) return blocks;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('@@')) continue;
    const hunk = [];
    while (i + 1 < lines.length && /^[ +-]/.test(lines[i + 1])) hunk.push(lines[++i]);
    blocks.push({ search: hunk.filter((l) => l[0] !== '+').map((l) => l.slice(1)), replace: hunk.filter((l) => l[0] !== '-').map((l) => l.slice(1)) });
  }
  return blocks;
}

/** The file after the answer, or null when the baseline does not apply it (no unique exact match, nothing changed). */
export function baselineApply(answer, before) {
  const lines = answer.split('\n');
  const blocks = blocksOf(lines);
  if (blocks === null) return null;
  if (blocks.length === 0) {
    const open = lines.findIndex((l) => l.startsWith('```'));
    const close = lines.findIndex((l, n) => n > open && l.startsWith('```'));
    if (open < 0 || close < 0) return null;
    const whole = fromLines(lines.slice(open + 1, close));
    return whole !== before ? whole : null;
  }
  let content = before;
  for (const b of blocks) {
    const search = fromLines(b.search);
    const at = content.indexOf(search);
    if (search === '' || at < 0 || content.indexOf(search, at + 1) >= 0) return null;
    content = content.slice(0, at) + fromLines(b.replace) + content.slice(at + search.length);
  }
  return content !== before ? content : null;
}
