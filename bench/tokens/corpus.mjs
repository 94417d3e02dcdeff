// The corpus the token estimate (src/tokens/estimate.ts) is calibrated on: real code, markup and data
// from packages in node_modules (their versions pinned by package-lock.json), named one by one so the
// calibration test is deterministic, and the paths of four package trees as a repository view lists them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const expand = (dir, names) => names.map((name) => `${dir}/${name}`);

/** Files by kind, relative to node_modules. */
export const CORPUS = {
  TypeScript: [
    ...expand('zod/src/v4/core', ['api.ts', 'checks.ts', 'core.ts', 'errors.ts', 'parse.ts', 'regexes.ts', 'schemas.ts', 'util.ts', 'to-json-schema.ts']),
    'zod/src/v3/types.ts',
    ...expand('openai/src/core', ['EventEmitter.ts', 'api-promise.ts', 'error.ts', 'pagination.ts', 'streaming.ts']),
    ...expand('openai/src/resources', ['files.ts', 'batches.ts', 'embeddings.ts', 'completions.ts', 'models.ts']),
    ...expand('web-tree-sitter/src', ['constants.ts', 'language.ts', 'marshal.ts', 'node.ts', 'parser.ts', 'query.ts', 'tree.ts', 'tree_cursor.ts']),
  ],
  'TypeScript declarations': ['typescript/lib/lib.es5.d.ts', 'typescript-eslint/dist/config-helper.d.ts', 'typescript-eslint/dist/index.d.ts', 'commander/typings/index.d.ts'],
  JavaScript: [
    ...expand('commander/lib', ['argument.js', 'command.js', 'help.js', 'option.js', 'suggestSimilar.js']),
    ...expand('semver/classes', ['comparator.js', 'range.js', 'semver.js']),
    ...expand('yaml/dist/compose', ['composer.js', 'compose-collection.js', 'compose-node.js', 'resolve-block-map.js', 'resolve-block-scalar.js', 'resolve-flow-collection.js', 'resolve-flow-scalar.js', 'resolve-props.js']),
    ...expand('picomatch/lib', ['constants.js', 'parse.js', 'picomatch.js', 'scan.js']),
  ],
  'JavaScript, tab-indented': expand('eslint/lib/linter', ['apply-disable-directives.js', 'esquery.js', 'file-context.js', 'linter.js', 'rule-fixer.js', 'source-code-fixer.js', 'source-code-traverser.js', 'timing.js', 'vfile.js']),
  C: expand('web-tree-sitter/lib', ['get_changed_ranges.c', 'language.c', 'lexer.c', 'node.c', 'parser.c', 'query.c', 'stack.c', 'subtree.c', 'tree_cursor.c', 'array.h', 'parser.h', 'subtree.h']),
  Python: ['flatted/python/flatted.py'],
  Go: ['flatted/golang/pkg/flatted/flatted.go'],
  Markdown: ['commander/Readme.md', 'zod/README.md', 'openai/README.md', 'yaml/README.md', 'eslint/README.md', 'typescript/README.md', 'execa/readme.md', 'ink/readme.md', 'fast-check/README.md', 'semver/README.md', 'picomatch/README.md'],
  JSON: ['yaml/package.json', 'vitest/package.json'],
  'Messages in ten languages': expand('zod/src/v4/locales', ['en.ts', 'de.ts', 'fr.ts', 'es.ts', 'ru.ts', 'he.ts', 'ar.ts', 'ja.ts', 'zh-CN.ts', 'ko.ts']),
};

/** Package trees whose file paths make the paths sample. */
export const PATH_TREES = ['openai/src', 'zod/src', 'eslint/lib', 'typescript-eslint'];

/** Every corpus file with its kind and text. */
export function readCorpus(nodeModules) {
  return Object.entries(CORPUS).flatMap(([kind, paths]) => paths.map((path) => ({ kind, path, text: readFileSync(join(nodeModules, path), 'utf8') })));
}

/** The paths under PATH_TREES, sorted, one a line, as the repository view lists files. */
export function pathsText(nodeModules) {
  const paths = PATH_TREES.flatMap((tree) => readdirSync(join(nodeModules, tree), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(nodeModules.length + 1)));
  return `${paths.sort().join('\n')}\n`;
}
