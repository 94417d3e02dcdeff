/** What a step's target is on disk, as far as the policy cares. */
export type TargetKind = 'file' | 'missing' | 'directory' | 'submodule';

/** The user's permissions for a run. */
export interface TargetPermissions {
  /** `--allow-config-edits`: tandem's own configuration files may be plan targets. */
  allowConfigEdits: boolean;
  /** `--allow-ci-edits`: CI and hook definitions may be edited in an unattended run. */
  allowCiEdits: boolean;
  /** `--ci` or `--yes`: nobody reviews the plan before it runs. */
  unattended: boolean;
}

/** Whether a step may write its target, and if not, which rule refuses it and why. */
export type TargetVerdict =
  | { allowed: true }
  | { allowed: false; rule: 'config' | 'ci' | 'directory' | 'submodule'; reason: string; flag?: '--allow-config-edits' | '--allow-ci-edits' };

// tandem's own settings: a plan rewriting them could send the next run (and its key) to another host.
const CONFIG_FILES = new Set(['tandem.config.json', '.tandemignore', '.gitmodules']);

// Where CI systems and git hook managers keep what runs with the repository's secrets.
const CI_PATTERNS: RegExp[] = [
  /^\.github\/workflows\//,
  /^\.github\/actions\//,
  /^\.gitlab-ci\.yml$/,
  /^\.circleci\//,
  /^jenkinsfile$/,
  /^azure-pipelines\.yml$/,
  /^\.buildkite\//,
  /^\.husky\//,
  /^\.pre-commit-config\.yaml$/,
];

/** True for a repository-relative path holding a CI or hook definition (`.github/workflows/**`, `.husky/**`, ...). */
export function isCiDefinition(path: string): boolean {
  const lower = path.toLowerCase();
  return CI_PATTERNS.some((pattern) => pattern.test(lower));
}

/**
 * The policy on a step's target (a normalized repository-relative path, already confined to the
 * repository): directories and submodules are never file targets; tandem's own configuration needs
 * `--allow-config-edits`; CI and hook definitions need `--allow-ci-edits` when nobody reviews the plan.
 * Compared case-insensitively, since case-insensitive file systems fold `Tandem.config.json` onto the real one.
 */
export function judgeTarget(path: string, kind: TargetKind, permissions: TargetPermissions): TargetVerdict {
  if (kind === 'directory') return { allowed: false, rule: 'directory', reason: `${path} is a directory; a step edits one file` };
  if (kind === 'submodule') return { allowed: false, rule: 'submodule', reason: `${path} is in a submodule; tandem commits only in this repository` };
  if (CONFIG_FILES.has(path.toLowerCase()) && !permissions.allowConfigEdits) {
    return { allowed: false, rule: 'config', reason: `${path} is tandem's own configuration; plans may not change it`, flag: '--allow-config-edits' };
  }
  if (permissions.unattended && !permissions.allowCiEdits && isCiDefinition(path)) {
    return { allowed: false, rule: 'ci', reason: `${path} is a CI or hook definition; an unattended run may not change it`, flag: '--allow-ci-edits' };
  }
  return { allowed: true };
}

/** The refusal text a report shows: the reason and the flag that would allow it. */
export function refusalText(verdict: Exclude<TargetVerdict, { allowed: true }>): string {
  return `refused: ${verdict.reason}${verdict.flag ? ` (pass ${verdict.flag} to allow it)` : ''}`;
}

/**
 * The warning a person reviewing a plan should see beside a step, if any: CI and hook definitions run with
 * the repository's secrets (a prompt-injected plan aims there first), and tandem's own files are refused.
 */
export function reviewWarning(path: string, permissions: Pick<TargetPermissions, 'allowConfigEdits'> = { allowConfigEdits: false }): string | undefined {
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (isCiDefinition(normalized)) return 'changes a CI or hook definition: check it before you approve';
  if (CONFIG_FILES.has(normalized.toLowerCase()) && !permissions.allowConfigEdits) return "tandem's own configuration: this step will be refused";
  return undefined;
}
