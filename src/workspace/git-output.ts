/** Paths named by `git status --porcelain=v1 -z` output (both sides of a rename), sorted, without tandem's own `.tandem/`. */
export function parseStatusPaths(output: string): string[] {
  const entries = output.split('\0');
  const paths = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    paths.add(entry.slice(3));
    // A rename or copy is followed by an extra entry holding the original path.
    if (/[RC]/.test(entry.slice(0, 2)) && i + 1 < entries.length) paths.add(entries[++i]);
  }
  return [...paths].filter((path) => path !== '.tandem' && !path.startsWith('.tandem/')).sort();
}

/** Changed paths by kind, from `git status --porcelain=v1 -z` output, outside `.tandem/`. */
export function parseStatusChanges(output: string): { tracked: string[]; untracked: string[] } {
  const entries = output.split('\0');
  const tracked = new Set<string>();
  const untracked = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.length < 4) continue;
    const code = entry.slice(0, 2);
    (code === '??' ? untracked : tracked).add(entry.slice(3));
    if (/[RC]/.test(code) && i + 1 < entries.length) tracked.add(entries[++i]);
  }
  const own = (path: string) => path !== '.tandem' && !path.startsWith('.tandem/');
  return { tracked: [...tracked].filter(own).sort(), untracked: [...untracked].filter(own).sort() };
}

/** One commit as `Workspace.log` returns it. */
export interface LogEntry {
  sha: string;
  subject: string;
  /** The message's trailers (`Key: value` lines of its last paragraph); the last wins for a repeated key. */
  trailers: Record<string, string>;
}

export const LOG_FORMAT = '%H%x1f%s%x1f%(trailers:only,unfold)%x1e';

/** Parses `git log --format=LOG_FORMAT` output. */
export function parseLog(output: string): LogEntry[] {
  return output
    .split('\x1e')
    .map((record) => record.replace(/^\n+/, ''))
    .filter((record) => record.length > 0)
    .map((record) => {
      const [sha, subject, trailerText = ''] = record.split('\x1f');
      const trailers: Record<string, string> = {};
      for (const line of trailerText.split('\n')) {
        const match = /^([^:\s]+):\s*(.*)$/.exec(line);
        if (match) trailers[match[1]] = match[2];
      }
      return { sha, subject, trailers };
    });
}
