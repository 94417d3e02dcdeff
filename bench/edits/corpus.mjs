// Real code no one here wrote: two pinned versions of a few npm packages (devDependencies under
// npm aliases), and every source file that changed between them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** The version pairs: [package, old, new]. Each is installed as node_modules/<package>-<version>. */
export const PAIRS = [
  ['semver', '7.5.4', '7.6.3'],
  ['commander', '11.1.0', '12.1.0'],
  ['minimatch', '3.0.5', '3.1.2'],
  ['picomatch', '2.3.1', '4.0.2'],
];

const SOURCE = /\.(c|m)?(j|t)s$/;

function sourceFiles(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (name === 'node_modules') continue;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...sourceFiles(dir, rel));
    else if (SOURCE.test(name)) out.push(rel);
  }
  return out;
}

/** Every source file present in both versions with different content: { pkg, path, before, after }. */
export function changedFiles() {
  const files = [];
  for (const [pkg, from, to] of PAIRS) {
    const oldDir = join(MODULES, `${pkg}-${from}`);
    const newDir = join(MODULES, `${pkg}-${to}`);
    const fresh = new Set(sourceFiles(newDir));
    for (const path of sourceFiles(oldDir)) {
      if (!fresh.has(path)) continue;
      const before = readFileSync(join(oldDir, path), 'utf8');
      const after = readFileSync(join(newDir, path), 'utf8');
      if (before !== after) files.push({ pkg: `${pkg}@${from}..${to}`, path, before, after });
    }
  }
  return files;
}
