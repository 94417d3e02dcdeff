import { describe, expect, it } from 'vitest';
import { fileFacts } from '../../../src/context/file-facts.js';
import { tagFile } from '../../../src/context/tags/tags.js';

// Every body and every value below holds BODY_MARKER; no outline line may contain it.
const SOURCES: Record<string, [string, string[]]> = {
  'a.ts': [
    `export function add(a: number, b: number): number {\n  return a + b; // BODY_MARKER\n}\nexport const double = (n: number): number => n * 2 /* BODY_MARKER */;\nexport const LIMIT: number = 42 + 'BODY_MARKER'.length;\nexport interface Session {\n  id: string;\n  expires(at: Date): boolean;\n}\nexport class Store<T> extends Base {\n  private readonly items = new Map<string, T>('BODY_MARKER');\n  get(id: string): T | undefined {\n    return this.items.get(id); // BODY_MARKER\n  }\n}\n`,
    ['export function add(a: number, b: number): number', 'export const double = (n: number): number', 'export const LIMIT: number', 'export interface Session', '  id: string', '  expires(at: Date): boolean', 'export class Store<T> extends Base', '  private readonly items', '  get(id: string): T | undefined'],
  ],
  'a.py': [
    'API_KEY: str = "BODY_MARKER"\n\nclass Repo(Base):\n    def __init__(self, root: str) -> None:\n        self.root = "BODY_MARKER"\n\n    async def fetch(\n        self,\n        path: str,\n    ) -> bytes:\n        return b"BODY_MARKER"\n\ndef main(argv=None):\n    def inner():\n        pass\n',
    ['API_KEY: str', 'class Repo(Base)', '  def __init__(self, root: str) -> None', '  async def fetch(self, path: str) -> bytes', 'def main(argv=None)'],
  ],
  'a.go': [
    'package gen\n\nconst Limit = "BODY_MARKER"\n\ntype User struct {\n\tName string\n}\n\nfunc (u *User) Next(limit int) (int, error) {\n\tx := "BODY_MARKER"\n\treturn 0, nil\n}\n',
    ['const Limit', 'type User', '  Name string', 'func (u *User) Next(limit int) (int, error)'],
  ],
  'a.rs': [
    'pub const MAX: &str = "BODY_MARKER";\npub struct User {\n    pub name: String,\n}\nimpl User {\n    pub fn get(&self, id: &str) -> Option<User> {\n        let s = "BODY_MARKER";\n        None\n    }\n}\n',
    ['pub const MAX: &str', 'pub struct User', '  pub name: String', 'impl User', '  pub fn get(&self, id: &str) -> Option<User>'],
  ],
  'A.java': [
    'package gen;\npublic class Store extends Base {\n    private static final String KEY = "BODY_MARKER";\n    public int next(String input,\n                    int limit) {\n        return input.length(); // BODY_MARKER\n    }\n}\n',
    ['public class Store extends Base', '  private static final String KEY', '  public int next(String input, int limit)'],
  ],
  'a.c': [
    '#define SECRET "BODY_MARKER"\nstruct user { int id; };\nint load_user(const char *path, struct user *out) {\n    return printf("BODY_MARKER");\n}\n',
    ['#define SECRET', 'struct user', '  int id', 'int load_user(const char *path, struct user *out)'],
  ],
  'a.cpp': [
    'namespace gen {\nclass Store : public Base {\n public:\n  int next(int n) const { return n + 1; /* BODY_MARKER */ }\n};\n}\n',
    ['namespace gen', '  class Store : public Base', '    int next(int n) const'],
  ],
  'a.cs': [
    'namespace Gen {\n  public class Store : Base {\n    private const string Key = "BODY_MARKER";\n    public int Next(int n) { return n + "BODY_MARKER".Length; }\n    public int Twice(int n) => n * "BODY_MARKER".Length;\n  }\n}\n',
    ['namespace Gen', '  public class Store : Base', '    private const string Key', '    public int Next(int n)', '    public int Twice(int n)'],
  ],
  'a.rb': [
    'LIMIT = "BODY_MARKER"\nmodule Billing\n  class Invoice < Base\n    def total(lines)\n      "BODY_MARKER"\n    end\n  end\nend\n',
    ['LIMIT', 'module Billing', '  class Invoice < Base', '    def total(lines)'],
  ],
  'a.php': [
    '<?php\nclass Store extends Base {\n  private $secret = "BODY_MARKER";\n  const KEY = "BODY_MARKER";\n  public function next($n) { return "BODY_MARKER"; }\n}\n',
    ['class Store extends Base', '  private $secret', '  const KEY', '  public function next($n)'],
  ],
};

describe('tree-sitter outlines', () => {
  it.each(Object.entries(SOURCES))('%s: signatures under their containers, never a body or a value', async (path, [content, expected]) => {
    const facts = await fileFacts(path, content);
    expect(facts.outline).toEqual(expected);
    expect(facts.outline.join('\n')).not.toContain('BODY_MARKER');
  });

  it('finds definitions and the names a file uses', async () => {
    const tags = await tagFile('src/page.tsx', "import { loadUser } from './users';\nexport function Page() {\n  return <div>{loadUser('a').name}</div>;\n}\n");
    expect(tags?.definitions.map((d) => [d.name, d.kind, d.line])).toEqual([['Page', 'function', 1]]);
    expect(tags?.references.get('loadUser')).toBe(2);
    expect(tags?.references.has('Page')).toBe(false);
  });

  it('leaves files without a grammar to the regex outliners', async () => {
    expect(await tagFile('lib/a.lua', 'function f() end\n')).toBeNull();
    const facts = await fileFacts('lib/a.lua', 'function greet(name)\n  return name\nend\n');
    expect(facts.outline).toEqual(['function greet(name)']);
    expect(facts.defines).toEqual(['greet']);
  });
});
