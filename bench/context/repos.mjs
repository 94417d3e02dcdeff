// Real repositories for the context benchmark, made from npm packages this project already installs
// (so the benchmark needs no network), each with a one-line task that names a file and a symbol-only
// task, and a generated multi-language tree whose callers are known by construction.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const SOURCE = /\.(m?js|cjs|tsx?|json|md|py|go|rs|java|c|h|cc|cpp|hpp|cs|rb|php)$/;

/** The benchmark's repositories: which package folders to copy and the two tasks run on each. */
export const REPOS = [
  {
    name: 'eslint',
    from: 'eslint',
    oneLine: { task: 'rename the function upperCaseFirst to capitalizeFirst in lib/shared/string-utils.js', target: 'lib/shared/string-utils.js', symbol: 'upperCaseFirst' },
    symbolOnly: { task: 'rename createGlobalLinebreakMatcher to makeLinebreakMatcher everywhere', target: 'lib/shared/ast-utils.js', symbol: 'createGlobalLinebreakMatcher' },
  },
  {
    name: 'zod',
    from: 'zod',
    only: ['src', 'package.json', 'README.md'],
    oneLine: { task: 'rename the function slugify to toSlug in src/v4/core/util.ts', target: 'src/v4/core/util.ts', symbol: 'slugify' },
    symbolOnly: { task: 'rename isPlainObject to isPlainRecord everywhere', target: 'src/v4/core/util.ts', symbol: 'isPlainObject' },
  },
  {
    name: 'typescript-eslint plugin',
    from: '@typescript-eslint/eslint-plugin',
    oneLine: { task: 'rename the function getFunctionHeadLoc to functionHeadLocation in dist/util/getFunctionHeadLoc.js', target: 'dist/util/getFunctionHeadLoc.js', symbol: 'getFunctionHeadLoc' },
    symbolOnly: { task: 'rename getStaticMemberAccessValue to readStaticMemberAccess everywhere', target: 'dist/util/misc.js', symbol: 'getStaticMemberAccessValue' },
  },
  {
    name: 'generated (10 languages)',
    generated: true,
    oneLine: { task: 'rename the function parse_invoice_total to invoice_total in billing/invoice.py', target: 'billing/invoice.py', symbol: 'parse_invoice_total' },
    symbolOnly: { task: 'rename loadUserProfile to fetchUserProfile everywhere', target: 'src/users/profile.ts', symbol: 'loadUserProfile' },
  },
];

function copyTree(from, to, only) {
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && statSync(full).size < 1_000_000) {
        const target = join(to, relative(from, full));
        mkdirSync(dirname(target), { recursive: true });
        cpSync(full, target);
      }
    }
  };
  for (const part of only ?? ['.']) {
    const full = join(from, part);
    if (!existsSync(full)) continue;
    if (statSync(full).isDirectory()) walk(full);
    else cpSync(full, join(to, part));
  }
}

// A generated tree of 300 files in ten languages: most files are unrelated filler; a few define the
// tasks' symbols and a known set of files in several languages call them.
function generateTree(root) {
  const put = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put('src/users/profile.ts', 'export interface Profile {\n  id: string;\n  name: string;\n}\n\nexport async function loadUserProfile(id: string): Promise<Profile> {\n  return { id, name: id.toUpperCase() };\n}\n');
  put('src/users/page.tsx', "import { loadUserProfile } from './profile';\n\nexport function ProfilePage({ id }: { id: string }) {\n  const profile = loadUserProfile(id);\n  return <div>{String(profile)}</div>;\n}\n");
  put('src/admin/audit.ts', "import { loadUserProfile } from '../users/profile';\n\nexport async function auditUser(id: string): Promise<string> {\n  const p = await loadUserProfile(id);\n  return `${p.id}:${p.name}`;\n}\n");
  put('src/api/routes.js', "const { loadUserProfile } = require('../users/profile');\n\nfunction profileRoute(req, res) {\n  return loadUserProfile(req.params.id).then((p) => res.json(p));\n}\n\nmodule.exports = { profileRoute };\n");
  put('test/users/profile.test.ts', "import { loadUserProfile } from '../../src/users/profile';\n\ntest('loads', async () => {\n  expect((await loadUserProfile('a')).id).toBe('a');\n});\n");
  put('billing/invoice.py', 'class Invoice:\n    def __init__(self, lines):\n        self.lines = lines\n\n\ndef parse_invoice_total(text: str) -> float:\n    return sum(float(x) for x in text.split(","))\n');
  put('billing/report.py', 'from billing.invoice import parse_invoice_total\n\n\ndef monthly_report(rows):\n    return [parse_invoice_total(r) for r in rows]\n');
  put('billing/export.py', 'from billing import invoice\n\n\ndef export_totals(rows):\n    return {r: invoice.parse_invoice_total(r) for r in rows}\n');
  const words = 'order cache queue worker retry limit route handler upload image stream buffer metric trace schedule event'.split(' ');
  const lang = [
    ['go', (w, i) => `package ${w}\n\ntype ${cap(w)}${i} struct {\n\tCount int\n}\n\nfunc (x *${cap(w)}${i}) Next${i}(n int) int {\n\treturn x.Count + n\n}\n`],
    ['rs', (w, i) => `pub struct ${cap(w)}${i} {\n    pub count: usize,\n}\n\nimpl ${cap(w)}${i} {\n    pub fn next_${i}(&self, n: usize) -> usize {\n        self.count + n\n    }\n}\n`],
    ['java', (w, i) => `package gen;\n\npublic class ${cap(w)}${i} {\n    public int next${i}(int n) {\n        return n + ${i};\n    }\n}\n`],
    ['c', (w, i) => `#include <stdio.h>\n\nint ${w}_next_${i}(int n) {\n    return n + ${i};\n}\n`],
    ['cpp', (w, i) => `namespace gen {\nclass ${cap(w)}${i} {\n public:\n  int next${i}(int n) const { return n + ${i}; }\n};\n}\n`],
    ['cs', (w, i) => `namespace Gen {\n  public class ${cap(w)}${i} {\n    public int Next${i}(int n) { return n + ${i}; }\n  }\n}\n`],
    ['rb', (w, i) => `class ${cap(w)}${i}\n  def next_${i}(n)\n    n + ${i}\n  end\nend\n`],
    ['php', (w, i) => `<?php\nclass ${cap(w)}${i} {\n  public function next${i}($n) {\n    return $n + ${i};\n  }\n}\n`],
    ['py', (w, i) => `def ${w}_next_${i}(n):\n    return n + ${i}\n`],
    ['ts', (w, i) => `export function ${w}Next${i}(n: number): number {\n  return n + ${i};\n}\n`],
  ];
  for (let i = 0; i < 292; i++) {
    const [ext, make] = lang[i % lang.length];
    const w = words[i % words.length];
    put(`pkg/${w}/${ext}/${w}_${i}.${ext}`, make(w, i));
  }
}

const cap = (w) => w[0].toUpperCase() + w.slice(1);

/** Makes a temporary git repository of one REPOS entry, committed, with a settled index. */
export function makeRepo(repo, nodeModules) {
  const root = mkdtempSync(join(tmpdir(), 'tandem-context-'));
  const git = (...args) => execFileSync('git', args, { cwd: root, stdio: 'pipe', maxBuffer: 1 << 28 });
  git('init', '-q', '-b', 'main');
  git('config', 'gc.auto', '0');
  if (repo.generated) generateTree(root);
  else copyTree(join(nodeModules, repo.from), root, repo.only);
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@tandem.invalid', '-c', 'commit.gpgsign=false', 'commit', '-qm', 'bench');
  return root;
}
