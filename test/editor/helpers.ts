/** A SEARCH/REPLACE block as a model writes it, optionally preceded by a path line. */
export function sr(search: string[], replace: string[], path?: string): string {
  return [...(path ? [path] : []), '<<<<<<< SEARCH', ...search, '=======', ...replace, '>>>>>>> REPLACE'].join('\n');
}

/** Lines joined with LF and a final newline. */
export function text(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}
