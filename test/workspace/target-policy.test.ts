import { describe, expect, it } from 'vitest';
import { isCiDefinition, judgeTarget, refusalText, reviewWarning, type TargetKind, type TargetPermissions } from '../../src/workspace/target-policy.js';

const none: TargetPermissions = { allowConfigEdits: false, allowCiEdits: false, unattended: false };
const unattended: TargetPermissions = { ...none, unattended: true };

describe('judgeTarget', () => {
  it.each<[string, TargetKind, TargetPermissions, string | null]>([
    ['src/a.ts', 'file', unattended, null],
    ['src/new.ts', 'missing', unattended, null],
    ['src', 'directory', none, 'directory'],
    ['vendor/lib/x.c', 'submodule', { ...none, allowConfigEdits: true }, 'submodule'],
    ['tandem.config.json', 'file', none, 'config'],
    ['Tandem.Config.JSON', 'file', none, 'config'],
    ['.tandemignore', 'missing', none, 'config'],
    ['.gitmodules', 'file', none, 'config'],
    ['tandem.config.json', 'file', { ...none, allowConfigEdits: true }, null],
    ['docs/tandem.config.json', 'file', none, null],
    ['.github/workflows/ci.yml', 'file', unattended, 'ci'],
    ['.github/workflows/ci.yml', 'file', none, null],
    ['.github/workflows/ci.yml', 'file', { ...unattended, allowCiEdits: true }, null],
    ['.github/actions/setup/action.yml', 'file', unattended, 'ci'],
    ['.gitlab-ci.yml', 'file', unattended, 'ci'],
    ['.circleci/config.yml', 'file', unattended, 'ci'],
    ['Jenkinsfile', 'file', unattended, 'ci'],
    ['azure-pipelines.yml', 'file', unattended, 'ci'],
    ['.buildkite/pipeline.yml', 'file', unattended, 'ci'],
    ['.husky/pre-commit', 'file', unattended, 'ci'],
    ['.pre-commit-config.yaml', 'file', unattended, 'ci'],
    ['.github/CODEOWNERS', 'file', unattended, null],
    ['src/Jenkinsfile', 'file', unattended, null],
  ])('%s (%s) → %s', (path, kind, permissions, rule) => {
    const verdict = judgeTarget(path, kind, permissions);
    expect(verdict.allowed ? null : verdict.rule).toBe(rule);
  });

  it('names the flag that would allow a refused step', () => {
    const verdict = judgeTarget('.husky/pre-commit', 'file', unattended);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(refusalText(verdict)).toBe('refused: .husky/pre-commit is a CI or hook definition; an unattended run may not change it (pass --allow-ci-edits to allow it)');
    const dir = judgeTarget('src', 'directory', none);
    if (!dir.allowed) expect(refusalText(dir)).toBe('refused: src is a directory; a step edits one file');
  });
});

describe('review warnings', () => {
  it.each([
    ['.github/workflows/release.yml', 'changes a CI or hook definition: check it before you approve'],
    ['./.gitlab-ci.yml', 'changes a CI or hook definition: check it before you approve'],
    ['tandem.config.json', "tandem's own configuration: this step will be refused"],
    ['src/a.ts', undefined],
  ])('%s', (path, warning) => {
    expect(reviewWarning(path)).toBe(warning);
  });

  it('isCiDefinition is case-insensitive', () => {
    expect(isCiDefinition('.GitHub/Workflows/x.yml')).toBe(true);
  });
});
