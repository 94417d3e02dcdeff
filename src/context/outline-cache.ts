import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scrub } from '../privacy/scrub.js';
import { ensureStateDir, stateDir } from '../workspace/state.js';

/**
 * What planning the repository view needs of a file's outline. The outline itself is not kept: only the
 * few files the view shows are outlined again, which keeps the cache small enough to load in a blink.
 */
export interface CachedOutline {
  /** Tokens of what the repository view shows of the outline. */
  viewTokens: number;
  /** The names it declares, stemmed and lower-cased, space-separated, with a space at each end. */
  names: string;
  /** The words inside those names, the same way. */
  parts: string;
  /** The names it defines, exactly as written, space-separated. */
  defines: string;
  /** The names it uses and does not define, space-separated. */
  references: string;
}

// Bump when the outliners, the view or the counting change, so old entries are not reused.
const VERSION = 9;

type Entry = [viewTokens: number, names: string, parts: string, defines: string, references: string];

// Each field is one long string of newline-separated values: JSON.parse reads a few long strings many
// times faster than tens of thousands of small ones, and a 10,000-file cache then loads in a blink.
interface CacheFile {
  version: number;
  hashes: string;
  viewTokens: string;
  names: string;
  parts: string;
  defines: string;
  references: string;
  paths: string;
  pathTokens: string;
  /** Outline texts of the files the last view showed, by blob hash: the next run likely shows most of them again. */
  shown: Record<string, string>;
}

/** `.tandem/cache/outlines.json`. */
export function outlineCachePath(root: string): string {
  return join(stateDir(root), 'cache', 'outlines.json');
}

/**
 * Outline facts keyed by git blob hash (the same content anywhere, on any branch, is outlined once) and the
 * token cost of each path line, kept under `.tandem/` so a later run reads instead of parsing.
 */
export class OutlineCache {
  private changed = false;
  private shown = new Map<string, string>();
  private shownNow = new Map<string, string>();

  private constructor(
    private outlines: Map<string, Entry>,
    private paths: Map<string, number>,
  ) {}

  /** Reads the cache; a missing, unreadable or older one starts empty. */
  static async load(root: string): Promise<OutlineCache> {
    try {
      const data = JSON.parse(await readFile(outlineCachePath(root), 'utf8')) as CacheFile;
      if (data.version === VERSION) {
        const fields = [data.hashes, data.viewTokens, data.names, data.parts, data.defines, data.references].map((field) => field.split('\n'));
        const [hashes, viewTokens, names, parts, defines, references] = fields;
        const outlines = new Map(hashes.map((hash, i): [string, Entry] => [hash, [Number(viewTokens[i]), names[i], parts[i], defines[i], references[i]]]));
        const pathTokens = data.pathTokens.split('\n');
        const cache = new OutlineCache(outlines, new Map(data.paths.split('\n').map((path, i) => [path, Number(pathTokens[i])])));
        cache.shown = new Map(Object.entries(data.shown));
        return cache;
      }
    } catch {
      // Start empty: the cache only saves time.
    }
    return new OutlineCache(new Map(), new Map());
  }

  /** The outline of a blob, if known. */
  outline(hash: string): CachedOutline | undefined {
    const entry = this.outlines.get(hash);
    return entry && { viewTokens: entry[0], names: entry[1], parts: entry[2], defines: entry[3], references: entry[4] };
  }

  /** Remembers the outline of a blob. */
  setOutline(hash: string, outline: CachedOutline): void {
    this.outlines.set(hash, [outline.viewTokens, outline.names, outline.parts, outline.defines, outline.references]);
    this.changed = true;
  }

  /** The outline text of a blob the view shows, if the last run showed it too; remembered for the next run either way. */
  shownText(hash: string, make: () => Promise<string>): Promise<string> {
    const known = this.shown.get(hash);
    const text = known === undefined ? make() : Promise.resolve(known);
    return text.then((value) => {
      this.shownNow.set(hash, value);
      return value;
    });
  }

  /** The token cost of a path's line, if known. */
  pathTokens(path: string): number | undefined {
    return this.paths.get(path);
  }

  /** Remembers the token cost of a path's line. */
  setPathTokens(path: string, tokens: number): void {
    // The file keeps one path a line; a path with a newline in it is just counted again next time.
    if (path.includes('\n')) return;
    this.paths.set(path, tokens);
    this.changed = true;
  }

  /** Writes the cache if anything was added, keeping only the blobs and paths still in the tree. */
  async save(root: string, keep: ReadonlyArray<{ path: string; hash: string }>): Promise<void> {
    const hashes = new Set(keep.map((f) => f.hash));
    const paths = new Set(keep.map((f) => f.path));
    const stale = [...this.outlines.keys()].some((h) => !hashes.has(h)) || [...this.paths.keys()].some((p) => !paths.has(p));
    const shownChanged = this.shownNow.size !== this.shown.size || [...this.shownNow.keys()].some((h) => !this.shown.has(h));
    if (!this.changed && !stale && !shownChanged) return;
    const outlines = [...this.outlines].filter(([hash]) => hashes.has(hash));
    const kept = [...this.paths].filter(([path]) => paths.has(path));
    const data: CacheFile = {
      version: VERSION,
      hashes: outlines.map(([hash]) => hash).join('\n'),
      viewTokens: outlines.map(([, e]) => e[0]).join('\n'),
      names: outlines.map(([, e]) => e[1]).join('\n'),
      parts: outlines.map(([, e]) => e[2]).join('\n'),
      defines: outlines.map(([, e]) => e[3]).join('\n'),
      references: outlines.map(([, e]) => e[4]).join('\n'),
      paths: kept.map(([path]) => path).join('\n'),
      pathTokens: kept.map(([, tokens]) => tokens).join('\n'),
      shown: Object.fromEntries(this.shownNow),
    };
    await ensureStateDir(root);
    const file = outlineCachePath(root);
    await mkdir(join(stateDir(root), 'cache'), { recursive: true });
    // Written aside and renamed, so a concurrent run never reads half a file.
    const temp = `${file}.${process.pid}.tmp`;
    // Outlines may quote a constant's value: the cache is one of tandem's files, so it is redacted like the rest.
    await writeFile(temp, scrub(JSON.stringify(data)));
    await rename(temp, file);
    this.changed = false;
    this.shown = this.shownNow;
    this.shownNow = new Map();
  }
}
