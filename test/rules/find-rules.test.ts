import { afterEach, describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../src/rules/find-rules.js';
import { editorRules } from '../../src/rules/step-rules.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

let repo: GitFixture | undefined;
afterEach(async () => {
  await repo?.cleanup();
  repo = undefined;
});

describe('project rules files', () => {
  it('reads them in order of precedence, then the files named in config', async () => {
    repo = await gitFixture({
      '.cursorrules': 'cursor rules\n',
      'CLAUDE.md': 'claude rules\n',
      'AGENTS.md': 'agents rules\n',
      'CONVENTIONS.md': 'conventions\n',
      'docs/style.md': 'style\n',
      'GEMINI.md': '  \n',
    });
    const rules = await loadProjectRules(repo.root, ['docs/style.md']);
    expect(rules.files.map((f) => f.path)).toEqual(['AGENTS.md', 'CLAUDE.md', 'CONVENTIONS.md', '.cursorrules', 'docs/style.md']);
    expect(rules.files[0].text).toBe('agents rules\n');
  });

  it('never reads a rules file the privacy rules withhold', async () => {
    repo = await gitFixture({ '.gitignore': 'CLAUDE.md\n', 'AGENTS.md': 'agents\n' });
    await import('node:fs/promises').then((fs) => fs.writeFile(`${repo!.root}/CLAUDE.md`, 'private\n'));
    const rules = await loadProjectRules(repo.root, []);
    expect(rules.files.map((f) => f.path)).toEqual(['AGENTS.md']);
    expect(rules.withheld).toEqual([{ path: 'CLAUDE.md', reason: 'withheld: matched by .gitignore' }]);
  });

  it('refuses a configured rules file that does not exist with a usage error', async () => {
    repo = await gitFixture({ 'AGENTS.md': 'x\n' });
    await expect(loadProjectRules(repo.root, ['docs/missing.md'])).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('docs/missing.md') });
  });

  it('gives an editor call the root rules and the AGENTS.md nearest above its file', async () => {
    repo = await gitFixture({ 'AGENTS.md': 'root rules\n', 'packages/web/AGENTS.md': 'web rules\n', 'packages/web/src/a.ts': 'x\n', 'CLAUDE.md': 'claude\n' });
    const rules = await editorRules({ root: repo.root, config: { rules: [] } }, 'packages/web/src/a.ts');
    expect(rules.pieces.map((p) => [p.path, p.form])).toEqual([
      ['AGENTS.md', 'rules'],
      ['packages/web/AGENTS.md', 'rules'],
      ['CLAUDE.md', 'rules'],
    ]);
    expect(rules.text).toContain('--- packages/web/AGENTS.md\n```markdown\nweb rules\n```');
    const other = await editorRules({ root: repo.root, config: { rules: [] } }, 'README.md');
    expect(other.pieces.map((p) => p.path)).toEqual(['AGENTS.md', 'CLAUDE.md']);
  });
});
