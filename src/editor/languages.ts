const GROUPS: Array<[string[], string[]]> = [
  [['ts', 'mts', 'cts'], ['ts', 'typescript']],
  [['tsx'], ['tsx', 'ts', 'typescript', 'jsx']],
  [['js', 'mjs', 'cjs'], ['js', 'javascript', 'mjs', 'cjs', 'node']],
  [['jsx'], ['jsx', 'js', 'javascript']],
  [['py', 'pyi'], ['py', 'python', 'python3']],
  [['rb'], ['rb', 'ruby']],
  [['go'], ['go', 'golang']],
  [['rs'], ['rs', 'rust']],
  [['java'], ['java']],
  [['kt', 'kts'], ['kt', 'kotlin']],
  [['c', 'h'], ['c', 'h', 'cpp', 'c++']],
  [['cc', 'cpp', 'cxx', 'hpp', 'hh'], ['cpp', 'c++', 'cc', 'cxx', 'hpp', 'c']],
  [['cs'], ['cs', 'csharp', 'c#']],
  [['json', 'jsonc', 'json5'], ['json', 'jsonc', 'json5']],
  [['yaml', 'yml'], ['yaml', 'yml']],
  [['md', 'mdx', 'markdown'], ['md', 'markdown', 'mdx']],
  [['html', 'htm'], ['html', 'htm', 'xml']],
  [['css'], ['css']],
  [['scss', 'sass'], ['scss', 'sass', 'css']],
  [['sh', 'bash', 'zsh'], ['sh', 'bash', 'shell', 'zsh']],
  [['sql'], ['sql']],
  [['toml'], ['toml']],
  [['php'], ['php']],
  [['swift'], ['swift']],
];

const KNOWN = new Set(GROUPS.flatMap(([, langs]) => langs).concat(['console', 'terminal', 'powershell', 'diff', 'patch']));

/**
 * True when a fence's language plainly says the block is not the target file (a `bash` block for a
 * `.ts` file: a command, not the file). Unknown languages and extensions never count as a mismatch.
 */
export function languageMismatch(lang: string | undefined, path: string): boolean {
  if (!lang || !KNOWN.has(lang)) return false;
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  const group = GROUPS.find(([exts]) => ext !== undefined && exts.includes(ext));
  return group !== undefined && !group[1].includes(lang);
}
