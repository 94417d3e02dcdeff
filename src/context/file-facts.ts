import { outlineFile, outlineable } from './outline/outline.js';
import { tagFile } from './tags/tags.js';

/** What the repository view learns of a file locally: its outline, the names it defines and the names it uses. */
export interface FileFacts {
  /** Outline lines: signatures (indented under their container), never a body. */
  outline: string[];
  /** Names the file defines. */
  defines: string[];
  /** Names the file uses that it does not define itself. */
  references: string[];
}

const NONE: FileFacts = { outline: [], defines: [], references: [] };
const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/**
 * A file's facts: from its tree-sitter grammar (definitions and references from tags queries, outline
 * lines from the definitions' signatures) when tandem has one, else from the regex outliners, with the
 * identifiers of the text as references. Nothing for binary, minified or generated files.
 */
export async function fileFacts(path: string, content: string): Promise<FileFacts> {
  if (!outlineable(path, content)) return NONE;
  const tags = await tagFile(path, content.replace(/\r\n?/g, '\n'));
  if (tags) {
    const defines = [...new Set(tags.definitions.map((d) => d.name))];
    const own = new Set(defines);
    return {
      outline: tags.definitions.map((d) => `${'  '.repeat(d.depth)}${d.signature}`),
      defines,
      references: [...tags.references.keys()].filter((name) => !own.has(name)),
    };
  }
  const outline = outlineFile(path, content);
  if (outline.length === 0) return NONE;
  const defines = [...new Set(outline.flatMap((line) => [...line.matchAll(DECLARED)].map((m) => m[1] ?? m[2])))];
  const own = new Set(defines);
  const references = [...new Set(content.match(IDENTIFIER) ?? [])].filter((name) => name.length > 1 && !own.has(name));
  return { outline, defines, references };
}

// The name an outline line declares (as rank.ts reads it): after a declaring keyword, or before `(`.
const DECLARED = /\b(?:function|class|interface|type|enum|struct|trait|def|fn|func|fun|module|namespace|const|let|var)\s+([A-Za-z_$][\w$]*)|^\s*([A-Za-z_$][\w$]*)\s*\(/g;
