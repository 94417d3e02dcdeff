import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packageUrl } from '../src/package-root.js';

describe('package root', () => {
  it('is the folder of tandem\'s package.json, whichever depth the code runs from', () => {
    expect(JSON.parse(readFileSync(packageUrl('package.json'), 'utf8')).name).toBe('tandem');
    expect(fileURLToPath(PACKAGE_ROOT)).toBe(fileURLToPath(new URL('../', import.meta.url)));
    expect(readFileSync(packageUrl('prompts/architect.md'), 'utf8').length).toBeGreaterThan(100);
  });
});

describe('the bundle bin/tandem.js runs', () => {
  const bundle = new URL('../dist/bundle/', import.meta.url);

  it('carries openai, zod, commander and simple-git inside it instead of importing them file by file', async () => {
    const files = (await readdir(bundle)).filter((f) => f.endsWith('.js'));
    const imported = new Set<string>();
    for (const file of files) {
      const text = readFileSync(new URL(file, bundle), 'utf8');
      for (const m of text.matchAll(/(?:from |import\()"([^".][^"]*)"/g)) imported.add(m[1].split('/')[0]);
    }
    for (const name of ['openai', 'zod', 'commander', 'simple-git']) expect(imported).not.toContain(name);
    expect(imported).toContain('web-tree-sitter'); // lazily loaded, and it finds its wasm beside itself
    expect(readFileSync(new URL('../bin/tandem.js', import.meta.url), 'utf8')).toContain("'../dist/bundle/cli.js'");
  });
});
