import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decideDisclosure, disclosureOf, WITHHELD_REASONS, withheldReason } from '../../src/disclosure/policy.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

describe('decideDisclosure', () => {
  it.each([
    [undefined, 'standard', 'architect', { send: true, form: 'content' }],
    [undefined, 'outline', 'architect', { send: true, form: 'outline' }],
    [undefined, 'local-summary', 'architect', { send: true, form: 'summary' }],
    [undefined, 'outline', 'editor', { send: true, form: 'content' }],
    [undefined, 'local-summary', 'editor', { send: true, form: 'content' }],
    [WITHHELD_REASONS.secretFile, 'standard', 'architect', { send: false, reason: WITHHELD_REASONS.secretFile }],
    [WITHHELD_REASONS.gitignore, 'standard', 'editor', { send: false, reason: WITHHELD_REASONS.gitignore }],
    [WITHHELD_REASONS.tandemignore, 'outline', 'architect', { send: false, reason: WITHHELD_REASONS.tandemignore }],
  ] as const)('%s, %s, %s', (reason, privacy, audience, expected) => {
    expect(decideDisclosure(reason, privacy, audience)).toEqual(expected);
  });
});

describe('withheldReason and disclosureOf', () => {
  let repo: GitFixture;
  afterEach(() => repo?.cleanup());

  it('names the rule that withholds a path, and nothing for a path that may be sent', async () => {
    repo = await gitFixture({ 'src/a.ts': 'export const a = 1;\n', '.env': 'KEY=1\n', '.gitignore': 'build/\n', 'build/out.js': 'x\n' });
    await writeFile(join(repo.root, '.tandemignore'), 'private/\n');
    expect(await withheldReason(repo.root, 'src/a.ts')).toBeUndefined();
    expect(await withheldReason(repo.root, '.env')).toBe(WITHHELD_REASONS.secretFile);
    expect(await withheldReason(repo.root, 'build/out.js')).toBe(WITHHELD_REASONS.gitignore);
    expect(await withheldReason(repo.root, 'private/notes.md')).toBe(WITHHELD_REASONS.tandemignore);
    expect(await disclosureOf(repo.root, 'src/a.ts', 'outline', 'architect')).toEqual({ send: true, form: 'outline' });
    expect(await disclosureOf(repo.root, '.env', 'standard', 'editor')).toEqual({ send: false, reason: WITHHELD_REASONS.secretFile });
  });
});
