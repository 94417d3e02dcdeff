import { describe, expect, it } from 'vitest';
import { globMatches } from '../../src/rules/glob.js';
import { headingApplies, rulesFor } from '../../src/rules/sections.js';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `- rule line ${i} that pads the section out`).join('\n');
const LONG = [
  '# Project conventions',
  'Use two spaces. Never commit secrets.',
  '',
  '## TypeScript',
  'Prefer `unknown` over `any`.',
  '### Naming',
  'camelCase for functions.',
  '',
  '## Python',
  'Type hints everywhere.',
  '',
  '## Files under `src/api/**`',
  'Every handler validates its input.',
  '',
  '## Testing',
  'Tests mirror sources.',
  '',
  '## Releases',
  filler(120),
].join('\n');

describe('globs', () => {
  it.each([
    ['*.ts', 'src/a.ts', true],
    ['*.ts', 'src/a.py', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['src/*.ts', 'src/x/a.ts', false],
    ['**/*.{ts,tsx}', 'web/App.tsx', true],
    ['test_?.py', 'tests/test_a.py', true],
  ])('%s against %s is %s', (glob, path, expected) => {
    expect(globMatches(glob, path)).toBe(expected);
  });
});

describe('which rules apply to a file', () => {
  it.each([
    ['TypeScript', 'src/a.ts', true],
    ['TypeScript', 'app/main.py', false],
    ['Files under `src/api/**`', 'src/api/users.ts', true],
    ['Files under `src/api/**`', 'src/web/users.ts', false],
    ['The src/api/ folder', 'src/api/users.ts', true],
    ['Rules for *.py files', 'pkg/mod.py', true],
    ['Testing', 'test/a.test.ts', true],
    ['Testing', 'src/a.ts', false],
    ['Makefile', 'Makefile', true],
    ['Releases', 'src/a.ts', false],
  ])('heading %j applies to %s: %s', (heading, path, expected) => {
    expect(headingApplies(heading, path)).toBe(expected);
  });

  it('sends a short rules file whole', () => {
    const text = '# Rules\n## Python\nType hints.\n';
    expect(rulesFor(text, 'src/a.ts')).toBe(text);
  });

  it('cuts a long file to the first section and the sections about the file, with their sub-sections', () => {
    expect(rulesFor(LONG, 'src/a.ts')).toBe(
      '# Project conventions\nUse two spaces. Never commit secrets.\n\n## TypeScript\nPrefer `unknown` over `any`.\n### Naming\ncamelCase for functions.',
    );
    expect(rulesFor(LONG, 'src/api/users.ts')).toContain('camelCase for functions.\n\n[…]\n\n## Files under `src/api/**`\nEvery handler validates its input.');
    const python = rulesFor(LONG, 'tests/test_mod.py');
    expect(python).toContain('Type hints everywhere.');
    expect(python).toContain('Tests mirror sources.');
    expect(python).not.toContain('Prefer `unknown`');
    expect(python).not.toContain('rule line 3');
  });

  it('reads a globs line right under a heading', () => {
    const text = `# Intro\nHello.\n\n## Web\nglobs: web/**/*.tsx\nUse function components.\n\n## Other\n${filler(120)}`;
    expect(rulesFor(text, 'web/App.tsx')).toContain('Use function components.');
    expect(rulesFor(text, 'src/a.ts')).not.toContain('Use function components.');
  });

  it('ignores headings inside code fences', () => {
    const text = `# Intro\nHello.\n\n## Python\n\`\`\`sh\n# TypeScript build\nnpm run build\n\`\`\`\n\n## Other\n${filler(120)}`;
    expect(rulesFor(text, 'src/a.ts')).toBe('# Intro\nHello.');
  });
});
