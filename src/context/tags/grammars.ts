import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Language, Parser } from 'web-tree-sitter';
import { DEFINITIONS, REFERENCE_TYPES } from './queries.js';

/** The tree-sitter grammars tandem outlines with, by file extension (the wasm files of tree-sitter-wasms). */
const BY_EXTENSION: Record<string, string> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'tsx',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  pyi: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  hh: 'cpp',
  hxx: 'cpp',
  cs: 'c_sharp',
  rb: 'ruby',
  php: 'php',
};

/** A grammar ready to use: a parser set to it and its compiled definition and reference queries. */
export interface Grammar {
  name: string;
  parser: Parser;
  definitions: import('web-tree-sitter').Query;
  references: import('web-tree-sitter').Query;
}

/** The grammar name for a path, or undefined when tandem has none for its extension (the regex outliners then apply). */
export function grammarFor(path: string): string | undefined {
  return BY_EXTENSION[extname(path).slice(1).toLowerCase()];
}

let runtime: Promise<typeof import('web-tree-sitter')> | undefined;
const loaded = new Map<string, Promise<Grammar | null>>();

/**
 * Loads a grammar on first use: the web-tree-sitter runtime and each grammar's wasm are read only when a
 * file of that language is outlined, so commands that never build a view never pay for them. Null when
 * the grammar cannot be loaded (the caller falls back to the regex outliners).
 */
export function loadGrammar(name: string): Promise<Grammar | null> {
  let grammar = loaded.get(name);
  if (!grammar) {
    grammar = load(name).catch(() => null);
    loaded.set(name, grammar);
  }
  return grammar;
}

async function load(name: string): Promise<Grammar> {
  runtime ??= loadRuntime();
  const { Language, Parser, Query } = await runtime;
  const wasm = createRequire(import.meta.url).resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`);
  const language: Language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  // Only the identifier kinds this grammar has: a query naming an unknown node type does not compile.
  const kinds = REFERENCE_TYPES.filter((type) => language.idForNodeType(type, true) !== null);
  return { name, parser, definitions: new Query(language, DEFINITIONS[name]), references: new Query(language, kinds.map((type) => `(${type}) @ref`).join('\n')) };
}

/**
 * The web-tree-sitter runtime. Its wasm, and every grammar's, is compiled by V8's baseline compiler only
 * (Liftoff): V8 otherwise re-compiles a grammar's hot lexer with its optimizing compiler, and for the
 * big grammars (C++, C#: 4-5 MB of wasm) that took seconds of CPU, paid again for each language in the
 * repository. A first (cold) view in a fresh process: a ten-language tree 3.7-5.2 s -> 1.0 s of CPU,
 * eslint and the typescript-eslint plugin ~30% less, zod the same (bench/context --repo, BENCHMARKS.md).
 * The flag affects only wasm compiled from here on, and tandem compiles no other wasm it depends on for speed.
 */
async function loadRuntime(): Promise<typeof import('web-tree-sitter')> {
  setFlagsFromString('--liftoff-only');
  const module = await import('web-tree-sitter');
  await module.Parser.init();
  return module;
}
