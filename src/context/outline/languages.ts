import { looksLikeFunctionHead, type BraceLanguage } from './braces.js';
import type { Lexicon } from './mask.js';

const C_LEX: Lexicon = { lineComment: ['//'], blockComment: ['/*', '*/'], quotes: `"'` };
const MODIFIERS = '(?:(?:public|private|protected|internal|static|final|abstract|sealed|open|data|inner|partial|export|unsafe|extern|inline|virtual|override|readonly|async|const|default|fileprivate|pub(?:\\([\\w:\\s]+\\))?|@\\w+(?:\\([^)]*\\))?)\\s+)*';
const re = (source: string): RegExp => new RegExp(source);

const TS_CONTAINER = /^\s*(?:export\s+)?(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:class|interface|enum|namespace|module)\b|^\s*(?:export\s+)?(?:declare\s+)?type\s+[\w$]+[^=]*=\s*\{\s*$|^\s*declare\s+global\b/;
const TS_TOP = /^\s*(?:export\b|(?:async\s+)?function\b|(?:abstract\s+)?class\b|interface\b|enum\b|type\s+[\w$]|declare\b|namespace\b|module\.exports\b|exports\.[\w$]+\s*=)/;
const TS_ARROW = /^\s*(?:export\s+)?(?:const|let|var)\s+[\w$]+\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\(|[\w$]+\s*=>)/;

/** JavaScript and TypeScript: exports, functions, classes and their members, interfaces, types, consts holding functions. */
export const TYPESCRIPT: BraceLanguage = {
  lex: { lineComment: ['//'], blockComment: ['/*', '*/'], quotes: "'\"`", multiline: '`', regexLiterals: true },
  container: TS_CONTAINER,
  topLevel: (code) => TS_TOP.test(code) || TS_ARROW.test(code),
  arrow: TS_ARROW,
  keepEquals: /^\s*(?:export\s+)?(?:declare\s+)?type\s/,
};

/** Go: functions and methods, types (struct fields and interface methods as members), named vars and consts. */
export const GO: BraceLanguage = {
  lex: { ...C_LEX, quotes: '"\'`', multiline: '`' },
  container: /^\s*type\s+\w+(?:\[[^\]]*\])?\s+(?:struct|interface)\b/,
  topLevel: (code) => /^(?:func\s|type\s+\w|var\s+\w|const\s+\w)/.test(code),
};

const RUST_ITEM = `^\\s*${MODIFIERS}(?:(?:async|const|unsafe|extern(?:\\s+"\\w+")?)\\s+)*`;

/** Rust: fns, structs, enums, traits, impls and mods, with the members of impls, traits, structs and enums. */
export const RUST: BraceLanguage = {
  lex: { ...C_LEX, quotes: '"', charLiterals: true },
  container: re(`${RUST_ITEM}(?:impl|trait|mod|struct|enum|union)\\b`),
  topLevel: (code) => re(`${RUST_ITEM}(?:fn|struct|enum|trait|impl|mod|type|const|static|union|macro_rules!)`).test(code),
};

const C_CONTAINER = re(`^\\s*${MODIFIERS}(?:class|interface|enum|record|struct|namespace|object|trait|protocol|extension|union|@interface)\\b`);

/** Java, Kotlin, C#, Scala, Swift, Dart, PHP, C and C++: types and their members, and top-level functions. */
export const C_FAMILY: BraceLanguage = {
  lex: { ...C_LEX, lineComment: ['//', '#'] },
  container: C_CONTAINER,
  topLevel: (code) => C_CONTAINER.test(code) || re(`^\\s*${MODIFIERS}(?:fun|func|function|def|fn)\\s`).test(code) || (/^\S/.test(code) && looksLikeFunctionHead(code)),
};

/** Same as C_FAMILY, for languages where `#` starts a preprocessor line rather than a comment. */
export const C_PREPROCESSED: BraceLanguage = { ...C_FAMILY, lex: C_LEX };

/** Which outliner a file extension gets. */
export const BY_EXTENSION: Record<string, BraceLanguage | 'python' | 'markdown' | 'json' | 'keys' | 'generic'> = {
  ...Object.fromEntries(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'].map((e) => [e, TYPESCRIPT])),
  go: GO,
  rs: RUST,
  ...Object.fromEntries(['java', 'kt', 'kts', 'scala', 'cs', 'swift', 'dart', 'groovy'].map((e) => [e, C_PREPROCESSED])),
  php: C_FAMILY,
  ...Object.fromEntries(['c', 'h', 'cc', 'cpp', 'cxx', 'hpp', 'hh', 'hxx', 'm', 'mm'].map((e) => [e, C_PREPROCESSED])),
  py: 'python',
  pyi: 'python',
  md: 'markdown',
  mdx: 'markdown',
  json: 'json',
  yaml: 'keys',
  yml: 'keys',
  toml: 'keys',
  ini: 'keys',
  cfg: 'keys',
  ...Object.fromEntries(['rb', 'lua', 'ex', 'exs', 'erl', 'pl', 'pm', 'r', 'jl', 'sh', 'bash', 'zsh', 'fs', 'ml', 'clj', 'hs', 'nim', 'zig', 'v', 'cr'].map((e) => [e, 'generic'])),
};
