import { closesFence, FENCE_OPEN, nameBefore, parseFenceInfo, type HunkLine, type NameCheck, type SourcedBlock } from './parse-common.js';

type UdiffBlock = Extract<SourcedBlock, { kind: 'udiff' }>;

const DIFF_LANGS = new Set(['diff', 'patch', 'udiff']);
const GIT_EXTRA = /^(index |new file mode|deleted file mode|old mode|new mode|similarity index|rename (from|to) )/;

/** A header path without its timestamp, quotes and git's a/ or b/ prefix; undefined for /dev/null. */
function headerPath(raw: string, prefix: 'a/' | 'b/'): string | undefined {
  const p = raw.split('\t')[0].trim().replace(/^"(.*)"$/, '$1');
  if (p === '/dev/null') return undefined;
  return p.startsWith(prefix) ? p.slice(2) : p;
}

class UdiffReader {
  blocks: UdiffBlock[] = [];
  file: UdiffBlock | null = null;
  hunk: HunkLine[] | null = null;
  hunkLine = 0;
  pending: HunkLine[] = [];
  /** The path named by a diff fence's info or the line before it, for hunks without headers. */
  fencePath: string | undefined;

  finishHunk(): void {
    if (this.hunk && this.hunk.some((l) => l.op !== ' ')) {
      if (!this.file) this.startFile(this.hunkLine, this.fencePath);
      this.file!.hunks.push({ lines: this.hunk });
    }
    this.hunk = null;
    this.pending = [];
  }

  startFile(line: number, path: string | undefined): void {
    this.file = { kind: 'udiff', path, hunks: [], line };
    this.blocks.push(this.file);
  }

  openHunk(line: number): void {
    this.finishHunk();
    this.hunk = [];
    this.hunkLine = line;
  }

  /** A marked line joins the hunk together with the blank and unmarked lines seen since the last one. */
  push(line: HunkLine, lineNo: number): void {
    if (!this.hunk) this.openHunk(lineNo);
    this.hunk!.push(...this.pending, line);
    this.pending = [];
  }
}

/**
 * Every unified diff in the answer, fenced or bare. Hunk line numbers are ignored. Lines without
 * a marker between marked ones are kept (flagged `unmarked`); trailing ones, and text after a
 * blank line in a bare diff, end the hunk instead: that is prose, not code.
 */
export function parseUdiff(lines: string[], names?: NameCheck): UdiffBlock[] {
  const r = new UdiffReader();
  let fence: { marker: string; indent: number } | null = null;
  let active = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // An indented fence inside an active bare diff is a context line, not markdown.
    const open: RegExpExecArray | null = fence === null && !(active && /^\s/.test(line)) ? FENCE_OPEN.exec(line) : null;
    if (open) {
      fence = { marker: open[2], indent: open[1].length };
      r.finishHunk();
      r.file = null;
      const info = parseFenceInfo(open[3]);
      active = DIFF_LANGS.has(info.lang ?? '');
      r.fencePath = info.path ?? nameBefore(lines, i, 0, names);
      continue;
    }
    if (fence !== null && closesFence(line, fence.marker, fence.indent)) {
      r.finishHunk();
      r.file = null;
      r.fencePath = undefined;
      fence = null;
      active = false;
      continue;
    }
    const git = /^diff --git a\/(\S+) b\/(\S+)/.exec(line);
    if (git) {
      r.finishHunk();
      r.startFile(i + 1, git[2]);
      active = true;
      continue;
    }
    if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      const oldPath = headerPath(line.slice(4), 'a/');
      const newPath = headerPath(lines[i + 1].slice(4), 'b/');
      r.finishHunk();
      const reuse = r.file !== null && r.file.hunks.length === 0 && !r.file.deleteFile;
      if (reuse) r.file!.path = newPath ?? oldPath;
      else r.startFile(i + 1, newPath ?? oldPath);
      if (newPath === undefined && oldPath !== undefined) r.file!.deleteFile = true;
      active = true;
      i++;
      continue;
    }
    if (line.startsWith('@@')) {
      r.openHunk(i + 1);
      active = true;
      continue;
    }
    if (!active || GIT_EXTRA.test(line) || line.startsWith('\\')) continue;
    const marker = line[0];
    if (marker === ' ' || marker === '-' || marker === '+') r.push({ op: marker, text: line.slice(1) }, i + 1);
    else if (!r.hunk) continue;
    else if (line === '') r.pending.push({ op: ' ', text: '' });
    else if (fence === null && r.pending.length > 0 && r.pending[r.pending.length - 1].text === '') {
      r.finishHunk();
      active = false;
    } else r.pending.push({ op: ' ', text: line, unmarked: true });
  }
  r.finishHunk();
  return r.blocks.filter((b) => b.hunks.length > 0 || b.deleteFile);
}
