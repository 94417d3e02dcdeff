import { existsSync } from 'node:fs';

/**
 * The package's own folder (where package.json, prompts/ and bench-tasks/ are), found by walking up from
 * this module: the same code runs from src/ (tests), dist/ (tsc's output) and dist/bundle/ (the bundle
 * bin/tandem.js loads), each a different depth below it.
 */
export const PACKAGE_ROOT: URL = findRoot(new URL('./', import.meta.url));

function findRoot(start: URL): URL {
  for (let dir = start; ; dir = new URL('../', dir)) {
    if (existsSync(new URL('package.json', dir)) && existsSync(new URL('prompts/', dir))) return dir;
    if (dir.pathname === '/') throw new Error(`tandem's package folder was not found above ${start.pathname}`);
  }
}

/** A file or folder of the package, by its path from the package root (folders end in "/"). */
export function packageUrl(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}
