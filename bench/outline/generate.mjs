// Builds a repository of `count` source files for the outline benchmark: a generated one with
// TypeScript, Python, Go, Rust and Java files, or real code copied from this project's node_modules.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = 'user session token cache store order invoice payment account email search index report export import queue worker retry limit config route handler auth login logout profile billing plan schedule event metric log trace upload image file stream buffer parse render format validate'.split(' ');
const cap = (w) => w[0].toUpperCase() + w.slice(1);

const TEMPLATES = {
  ts: (n, pick) => Array.from({ length: n }, (_, i) => {
    const [a, b] = [pick(), pick()];
    return i % 4 === 0
      ? `export class ${cap(a)}${cap(b)}${i} {\n  private items = new Map<string, number>();\n  get(id: string): number | undefined {\n    return this.items.get(id);\n  }\n  set(id: string, value: number): void {\n    this.items.set(id, value * ${i});\n  }\n}\n`
      : `export function ${a}${cap(b)}${i}(input: string, count = ${i}): string {\n  const parts = input.split('${b}');\n  return parts.slice(0, count).join('-');\n}\n`;
  }).join('\n'),
  py: (n, pick) => Array.from({ length: n }, (_, i) => {
    const [a, b] = [pick(), pick()];
    return i % 4 === 0
      ? `class ${cap(a)}${cap(b)}${i}:\n    def __init__(self, root: str) -> None:\n        self.root = root\n\n    def ${b}(self, key: str) -> int:\n        return len(key) * ${i}\n`
      : `def ${a}_${b}_${i}(value: str, limit: int = ${i}) -> list[str]:\n    parts = value.split("${b}")\n    return parts[:limit]\n`;
  }).join('\n'),
  go: (n, pick) => 'package gen\n\n' + Array.from({ length: n }, (_, i) => {
    const [a, b] = [pick(), pick()];
    return `type ${cap(a)}${i} struct {\n\tName string\n\tCount int\n}\n\nfunc (x *${cap(a)}${i}) ${cap(b)}(limit int) (int, error) {\n\treturn x.Count * limit, nil\n}\n`;
  }).join('\n'),
  rs: (n, pick) => Array.from({ length: n }, (_, i) => {
    const [a, b] = [pick(), pick()];
    return `pub struct ${cap(a)}${i} {\n    pub name: String,\n}\n\nimpl ${cap(a)}${i} {\n    pub fn ${b}(&self, limit: usize) -> usize {\n        self.name.len() * limit\n    }\n}\n`;
  }).join('\n'),
  java: (n, pick, name) => `package gen;\n\npublic class ${name} {\n` + Array.from({ length: n }, (_, i) => {
    const [a, b] = [pick(), pick()];
    return `    public int ${a}${cap(b)}${i}(String input, int limit) {\n        return input.length() * limit + ${i};\n    }\n`;
  }).join('\n') + '}\n',
};

/** A generated repository of `count` files spread over packages and folders. */
export function generateRepo(root, count) {
  const pick = ((r) => () => WORDS[Math.floor(r() * WORDS.length)])(rng(7));
  const exts = ['ts', 'ts', 'ts', 'py', 'go', 'rs', 'java'];
  for (let i = 0; i < count; i++) {
    const ext = exts[i % exts.length];
    const name = ext === 'java' ? `${cap(pick())}${cap(pick())}${i}` : `${pick()}-${pick()}-${i}`;
    const path = join(root, `packages/pkg-${i % 40}`, pick(), pick(), `${name}.${ext}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, TEMPLATES[ext](4 + (i % 12), pick, name));
  }
}

/** Real code: the first `count` source files of node_modules, copied into `root`. */
export function copyNodeModules(root, count, from) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length >= count) return;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.(m?js|cjs|ts|json|md)$/.test(entry.name) && statSync(full).size < 1_000_000) found.push(full);
    }
  };
  walk(from);
  for (const file of found) {
    const target = join(root, 'vendor', relative(from, file));
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
  }
}

/** Makes a temporary git repository with the files of `source` committed. */
export function makeRepo(source, count, nodeModules) {
  const root = mkdtempSync(join(tmpdir(), `tandem-outline-${source}-`));
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  // No background gc: it would still be writing in .git when the benchmark removes the repository.
  git('config', 'gc.auto', '0');
  if (source === 'generated') generateRepo(root, count);
  else copyNodeModules(root, count, nodeModules);
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@tandem.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'bench');
  // A fresh index holds "racily clean" entries (written in the same second as the files), which git
  // re-reads on every diff; a developer's checkout is not like that. One refresh a second later settles it.
  execFileSync('sleep', ['1.1']);
  git('update-index', '--refresh', '-q');
  return root;
}
