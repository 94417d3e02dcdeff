import type { Node, QueryCapture } from 'web-tree-sitter';
import { grammarFor, loadGrammar } from './grammars.js';

/** One definition in a file: its name, what kind of thing it is, and its outline line (a signature, never a body). */
export interface Definition {
  name: string;
  kind: 'container' | 'function' | 'type' | 'value';
  /** 0-based line where it starts. */
  line: number;
  /** Nesting under the outlined definitions around it (0 at the top). */
  depth: number;
  signature: string;
}

/** What tree-sitter found in a file: its definitions in outline order and how often each other name is used. */
export interface FileTags {
  definitions: Definition[];
  references: Map<string, number>;
}

// Longer signatures are cut: a parameter list a screen long tells the architect little more.
const MAX_SIGNATURE = 200;
// A signature ends where its body begins; one that spans more lines than this is taken to its first line only.
const MAX_SIGNATURE_LINES = 12;
const BODY_TYPES = new Set([
  'statement_block', 'class_body', 'block', 'compound_statement', 'field_declaration_list', 'declaration_list', 'enum_body',
  'enum_variant_list', 'interface_body', 'object_type', 'enum_member_declaration_list', 'body_statement', 'constructor_body',
  'annotation_type_body', 'record_declaration_body', 'accessor_list', 'arrow_expression_clause', 'do_block', 'struct_type',
  'interface_type',
]);

/**
 * Parses a file with its tree-sitter grammar and returns its definitions and references; null when
 * tandem has no grammar for it (or the grammar cannot be loaded), so the regex outliners take over.
 */
export async function tagFile(path: string, content: string): Promise<FileTags | null> {
  const name = grammarFor(path);
  if (!name) return null;
  const grammar = await loadGrammar(name);
  if (!grammar) return null;
  const tree = grammar.parser.parse(content);
  if (!tree) return null;
  try {
    const definitions = definitionsOf(grammar.definitions.matches(tree.rootNode), content);
    const own = new Set(definitions.map((d) => d.nameStart));
    const references = new Map<string, number>();
    for (const capture of grammar.references.captures(tree.rootNode)) {
      if (own.has(capture.node.startIndex)) continue;
      const text = capture.node.text;
      if (text.length > 1) references.set(text, (references.get(text) ?? 0) + 1);
    }
    return { definitions: definitions.map((d) => ({ name: d.name, kind: d.kind, line: d.line, depth: d.depth, signature: d.signature })), references };
  } finally {
    tree.delete();
  }
}

type Found = Definition & { nameStart: number; start: number; end: number };

function definitionsOf(matches: ReadonlyArray<{ captures: QueryCapture[] }>, content: string): Found[] {
  const found: Found[] = [];
  const seen = new Set<number>();
  // A name matched as a function or container wins over the same name matched as a plain value.
  const ordered = [...matches].sort((a, b) => Number(isValue(a)) - Number(isValue(b)));
  for (const match of ordered) {
    const def = match.captures.find((c) => c.name.startsWith('def.'));
    const name = match.captures.find((c) => c.name === 'name');
    if (!def || !name || seen.has(def.node.startIndex * 4 + 1) || seen.has(name.node.startIndex * 4)) continue;
    seen.add(def.node.startIndex * 4 + 1);
    seen.add(name.node.startIndex * 4);
    const value = match.captures.find((c) => c.name === 'value');
    const kind = def.name.slice(4) as Definition['kind'];
    found.push({ name: name.node.text, kind, line: def.node.startPosition.row, depth: 0, signature: signatureOf(def.node, kind, value?.node, content), nameStart: name.node.startIndex, start: def.node.startIndex, end: def.node.endIndex });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Members of containers are outlined beneath them; what a function declares inside itself is not.
  const kept: Found[] = [];
  const open: Found[] = [];
  for (const d of found) {
    while (open.length > 0 && open[open.length - 1].end <= d.start) open.pop();
    const parent = open[open.length - 1];
    if (parent && parent.kind !== 'container') continue;
    d.depth = open.length;
    kept.push(d);
    open.push(d);
  }
  return kept;
}

const isValue = (match: { captures: QueryCapture[] }): boolean => match.captures.some((c) => c.name === 'def.value');

/** A definition's outline line: its source up to where its body or value begins, on one line; never the body or value. */
function signatureOf(node: Node, kind: Definition['kind'], value: Node | undefined, content: string): string {
  const lineStart = content.lastIndexOf('\n', node.startIndex - 1) + 1;
  // Keywords before the node on its line (export, pub, decorators) belong to it; a container's text before a member does not.
  const start = /[{};(=,]/.test(content.slice(lineStart, node.startIndex)) ? node.startIndex : lineStart;
  const lineEnd = content.indexOf('\n', node.startIndex);
  const firstLineEnd = lineEnd < 0 ? content.length : lineEnd;
  const body = bodyStart(node);
  // A macro's replacement text is its value; a function's defaults and a class's heritage are part of its signature.
  const macro = node.type.startsWith('preproc_') ? node.childForFieldName('value')?.startIndex : undefined;
  const valueAt = value?.startIndex ?? (kind === 'value' ? valueStart(node) : macro);
  let end = Math.min(node.endIndex, valueAt ?? Infinity, body ?? Infinity);
  // A signature runs past its first line only to reach its body (a long parameter list); a value's never does.
  if (body === undefined || (valueAt !== undefined && valueAt < body)) end = Math.min(end, firstLineEnd);
  else if (content.slice(start, end).split('\n').length > MAX_SIGNATURE_LINES) end = Math.min(end, firstLineEnd);
  const text = content
    .slice(start, end)
    .replace(/\s+/g, ' ')
    .replace(/\s*(?:=>|=|:|\{|;|,)?\s*$/, '')
    .replace(/\( /g, '(')
    .replace(/,? \)/g, ')')
    .trim();
  return text.length > MAX_SIGNATURE ? `${text.slice(0, MAX_SIGNATURE - 1)}…` : text;
}

/** Where a definition's value starts: its `value` field or its first `=`, searched breadth-first a few levels down. */
function valueStart(node: Node): number | undefined {
  let level: Node[] = [node];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: Node[] = [];
    for (const n of level) {
      const field = n.childForFieldName('value');
      if (field && depth > 0) return field.startIndex;
      for (const child of n.children) {
        if (!child) continue;
        if (child.type === '=' || child.type === ':=') return child.startIndex;
        if (child.isNamed && !BODY_TYPES.has(child.type)) next.push(child);
      }
    }
    level = next;
  }
  return node.type.startsWith('preproc_') ? node.childForFieldName('value')?.startIndex : undefined;
}

/** Where a definition's body begins: its `body` field, or the first body-like node inside it, searched breadth-first a few levels down. */
function bodyStart(node: Node): number | undefined {
  const body = node.childForFieldName('body');
  if (body) return body.startIndex;
  let level: Node[] = [node];
  for (let depth = 0; depth < 4 && level.length > 0; depth++) {
    const next: Node[] = [];
    for (const n of level) {
      for (const child of n.namedChildren) {
        if (!child) continue;
        const inner = child.childForFieldName('body');
        if (inner && depth > 0) return inner.startIndex;
        if (BODY_TYPES.has(child.type)) return child.startIndex;
        next.push(child);
      }
    }
    level = next;
  }
  return undefined;
}
