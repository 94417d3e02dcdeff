import { describe, expect, it } from 'vitest';
import { outlineFile } from '../../../src/context/outline/outline.js';

// Every body below holds BODY_MARKER; no outline may contain it.
const TS = `import { x } from './x.js';
// function commented() {}
const re = /[{"']/g;

/** Doc. */
export function add(a: number, b: number): number {
  const BODY_MARKER = "}" + '{';
  return a + b;
}

export async function load(
  path: string,
  options: { strict: boolean } = { strict: true },
): Promise<string> {
  return \`BODY_MARKER \${path} {\`;
}

export const double = (n: number): number => n * 2 /* BODY_MARKER */;
export const LIMIT: number = 42;
const helper = async (a: string) => {
  function nested() { return 'BODY_MARKER'; }
};

export interface Session {
  id: string;
  expires(at: Date): boolean;
}

export type Mode = 'a' | 'b';

export default class Store<T> extends Base implements Iface {
  private readonly items = new Map<string, T>();
  constructor(private readonly root: string) {
    super('BODY_MARKER');
  }
  get(id: string): T | undefined {
    if (id) { return this.items.get(id); } // BODY_MARKER
    return undefined;
  }
  static create(): Store<unknown> { return new Store('BODY_MARKER'); }
}
`;

const PY = `import os

API_KEY: str = "BODY_MARKER"
MAX = 3

class Repo(Base):
    """Doc with def fake(): BODY_MARKER"""
    def __init__(self, root: str) -> None:
        self.root = "BODY_MARKER"

    async def fetch(
        self,
        path: str,
    ) -> bytes:
        def inner():
            return "BODY_MARKER"
        return inner()

def main(argv=None):
    print("BODY_MARKER")
`;

const GO = `package main

type Server struct {
	Addr string
	handlers map[string]Handler
}

type Handler interface {
	Serve(w Writer) error
}

func (s *Server) Start(ctx context.Context) error {
	x := "BODY_MARKER {"
	return nil
}

func main() { fmt.Println("BODY_MARKER") }
`;

const RUST = `use std::io;

pub struct Config<'a> {
    pub name: &'a str,
}

impl<'a> Config<'a> {
    pub fn new(name: &'a str) -> Self {
        let c = '{'; // BODY_MARKER
        Config { name }
    }
}

pub fn run<T: Display>(value: T) -> io::Result<()>
where
    T: Clone,
{
    println!("BODY_MARKER");
    Ok(())
}
`;

const JAVA = `package app;

import java.util.List;

@Service
public class UserService extends Base {
    private final Repo repo;

    @Override
    public List<User> find(String name, int limit) throws IOException {
        if (name == null) { return List.of(); } // BODY_MARKER
        return repo.find(name);
    }
}
`;

describe('outlineFile', () => {
  it('outlines TypeScript: exports, functions, classes with members, interfaces, never a body', () => {
    const outline = outlineFile('src/store.ts', TS);
    expect(outline).toEqual([
      'export function add(a: number, b: number): number',
      'export async function load( path: string, options: { strict: boolean } = { strict: true }, ): Promise<string>',
      'export const double = (n: number): number =>',
      'export const LIMIT: number',
      'const helper = async (a: string) =>',
      'export interface Session',
      '  id: string',
      '  expires(at: Date): boolean',
      "export type Mode = 'a' | 'b'",
      'export default class Store<T> extends Base implements Iface',
      '  private readonly items',
      '  constructor(private readonly root: string)',
      '  get(id: string): T | undefined',
      '  static create(): Store<unknown>',
    ]);
    expect(outline.join('\n')).not.toContain('BODY_MARKER');
  });

  it('outlines Python: classes, methods and functions with signatures, constant names without values', () => {
    const outline = outlineFile('app/repo.py', PY);
    expect(outline).toEqual(['API_KEY: str', 'MAX', 'class Repo(Base)', '  def __init__(self, root: str) -> None', '  async def fetch( self, path: str, ) -> bytes', 'def main(argv=None)']);
  });

  it('outlines Go: types with fields and methods, functions', () => {
    expect(outlineFile('main.go', GO)).toEqual([
      'type Server struct',
      '  Addr string',
      '  handlers map[string]Handler',
      'type Handler interface',
      '  Serve(w Writer) error',
      'func (s *Server) Start(ctx context.Context) error',
      'func main()',
    ]);
  });

  it('outlines Rust: structs, impls with fns, lifetimes not taken for quotes', () => {
    expect(outlineFile('src/lib.rs', RUST)).toEqual([
      "pub struct Config<'a>",
      "  pub name: &'a str",
      "impl<'a> Config<'a>",
      "  pub fn new(name: &'a str) -> Self",
      'pub fn run<T: Display>(value: T) -> io::Result<()>',
    ]);
  });

  it('outlines Java: the class and its fields and methods, annotations left out', () => {
    expect(outlineFile('src/UserService.java', JAVA)).toEqual([
      'public class UserService extends Base',
      '  private final Repo repo',
      '  public List<User> find(String name, int limit) throws IOException',
    ]);
  });

  it('never shows a body in any language', () => {
    for (const [path, text] of [['a.ts', TS], ['a.py', PY], ['a.go', GO], ['a.rs', RUST], ['A.java', JAVA]]) {
      expect(outlineFile(path, text).join('\n'), path).not.toContain('BODY_MARKER');
    }
  });

  it('gives headings for Markdown and keys (never values) for data files', () => {
    expect(outlineFile('README.md', '# Title\n\ntext\n```\n# not a heading\n```\n## Usage\n')).toEqual(['# Title', '## Usage']);
    expect(outlineFile('package.json', '{"name": "x", "scripts": {"build": "tsc"}, "token": "abc"}')).toEqual(['keys: name, scripts, token']);
    expect(outlineFile('config.yml', 'db:\n  password: hunter2\nport: 5\n')).toEqual(['keys: db, port']);
  });

  it('falls back to declaration lines for other languages', () => {
    expect(outlineFile('lib/a.rb', 'class A\n  def do_it(x)\n    x\n  end\n  def go = 1\nend\n')).toEqual(['class A', '  def do_it(x)', '  def go']);
    expect(outlineFile('lib/a.ex', 'defmodule A do\n  def run(x), do: x * 2\n  defp go(y) do\n    y\n  end\nend\n')).toEqual(['defmodule A', '  def run(x)', '  defp go(y)']);
  });

  it('gives nothing for unknown, binary or minified files', () => {
    expect(outlineFile('image.png', 'PNG')).toEqual([]);
    expect(outlineFile('a.ts', 'export const a = 1;\0')).toEqual([]);
    expect(outlineFile('bundle.min.js', `export function f(){${'x;'.repeat(2000)}}`)).toEqual([]);
  });
});
