import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editorByFile } from '../helpers/editor-by-file.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway } from '../helpers/fake-gateway.js';
import { gitFixture } from '../helpers/git-fixture.js';
import { useRepoAndGateway } from '../helpers/repo-gateway.js';
import { bump, chats, FILES, gatewayEnv, savePlanFile, step } from './safety-helpers.js';

const { repo, startGateway } = useRepoAndGateway(FILES);
let gateway: FakeGateway;

beforeEach(async () => {
  gateway = await startGateway({
    routes: [
      { match: matchNotPinned(), replies: [{ text: JSON.stringify({ summary: 's', steps: [step('src/a.ts')] }) }] },
      { match: matchProviderPinned(), replies: editorByFile({ 'src/a.ts': [{ text: bump('a') }], 'src/b.ts': [{ text: bump('b') }] }) },
    ],
  });
});

async function expectUntouched(): Promise<void> {
  expect(await repo.git('status', '--porcelain')).toBe('');
  expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
  expect(await repo.git('branch', '--list', 'tandem/*')).toBe('');
}

describe('preflight: nothing is paid for that could not be committed', () => {
  it('commit signing on with a key that cannot sign: plan, run and apply exit 2 naming the fix, with no model call', async () => {
    const gpg = join(await mkdtemp(join(tmpdir(), 'tandem-gpg-')), 'broken-gpg');
    await writeFile(gpg, '#!/bin/sh\necho "gpg: signing failed: No secret key" >&2\nexit 1\n');
    await chmod(gpg, 0o755);
    await repo.git('config', 'commit.gpgsign', 'true');
    await repo.git('config', 'gpg.program', gpg);
    await savePlanFile(repo.root, 'bump-1111', [step('src/a.ts')]);
    for (const args of [['plan', 'bump a'], ['run', 'bump a', '--yes'], ['apply', '--last']]) {
      const result = await runCli(args, { cwd: repo.root, env: gatewayEnv(gateway) });
      expect(result.exitCode, result.stderr).toBe(2);
      expect(result.stderr).toContain('commit signing is on (commit.gpgsign = true) but git cannot sign here');
      expect(result.stderr).toContain('git config commit.gpgsign false');
    }
    expect(gateway.requests).toHaveLength(0);
    expect(await repo.git('config', 'commit.gpgsign')).toBe('true');
    await expectUntouched();
  });

  it('commit signing that works (ssh format with a real key) signs every step commit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-ssh-'));
    const { execa } = await import('execa');
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'key')]);
    await repo.git('config', 'gpg.format', 'ssh');
    await repo.git('config', 'user.signingkey', join(dir, 'key'));
    await repo.git('config', 'commit.gpgsign', 'true');
    await savePlanFile(repo.root, 'bump-2222', [step('src/a.ts')]);
    const result = await runCli(['apply', 'bump-2222'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await repo.git('cat-file', '-p', 'tandem/bump-2222')).toContain('-----BEGIN SSH SIGNATURE-----');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('no git identity: plan and apply exit 2 with the git config fix and no call; in CI apply commits as the bot identity, like run', async () => {
    await repo.git('config', '--unset', 'user.name');
    await repo.git('config', '--unset', 'user.email');
    await savePlanFile(repo.root, 'bump-3333', [step('src/a.ts')]);
    for (const args of [['plan', 'bump a'], ['apply', '--last']]) {
      const result = await runCli(args, { cwd: repo.root, env: gatewayEnv(gateway) });
      expect(result.exitCode, result.stderr).toBe(2);
      expect(result.stderr).toContain('git does not know who commits here');
      expect(result.stderr).toContain('git config --global user.name "Your Name" && git config --global user.email "you@example.com"');
    }
    expect(gateway.requests).toHaveLength(0);
    await expectUntouched();

    const ci = await runCli(['apply', '--last'], { cwd: repo.root, env: { ...gatewayEnv(gateway), CI: 'true' } });
    expect(ci.exitCode, ci.stderr).toBe(0);
    expect(await repo.git('log', '-1', '--format=%an <%ae>', 'tandem/bump-3333')).toBe('tandem <tandem@localhost>');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('--in-place on a detached HEAD and run --branch naming an existing branch exit 2 before any call', async () => {
    await repo.git('branch', 'taken');
    const taken = await runCli(['run', 'bump a', '--yes', '--branch', 'taken'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(taken.exitCode).toBe(2);
    expect(taken.stderr).toContain('branch taken already exists');
    await repo.git('checkout', '-q', '--detach');
    const detached = await runCli(['run', 'bump a', '--yes', '--in-place'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(detached.exitCode).toBe(2);
    expect(detached.stderr).toContain('--in-place needs a branch, but HEAD is detached');
    expect(gateway.requests).toHaveLength(0);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('--config naming a missing file exits 2 naming it, with no call', async () => {
    const result = await runCli(['plan', 'bump a', '--config', 'nope.json'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`config file not found: ${join(repo.root, 'nope.json')}`);
    expect(gateway.requests).toHaveLength(0);
  });
});

describe('plans are data you can trust', () => {
  it('--last skips a file that is not a plan with a warning and applies the newest real plan', async () => {
    await savePlanFile(repo.root, 'bump-4444', [step('src/a.ts')], '2020-01-01T00:00:00.000Z');
    await writeFile(join(repo.root, '.tandem/plans/x.json'), '[]');
    await writeFile(join(repo.root, '.tandem/plans/torn.json'), '{"id": "torn", "createdAt": "2030');
    const result = await runCli(['apply', '--last', '--json'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(`skipping ${join(repo.root, '.tandem/plans/x.json')}: no plan id, date or steps in it`);
    expect(result.stderr).toContain('torn.json: not valid JSON');
    expect(JSON.parse(result.stdout).plan.id).toBe('bump-4444');
  });

  it.each([
    ['a cycle', [step('src/a.ts', [1]), step('src/b.ts', [0])], 'a dependency cycle (0 -> 1 -> 0)'],
    ['a self-dependency', [step('src/a.ts', [0])], 'a step cannot depend on itself'],
    ['an index out of range', [step('src/a.ts', [7])], '7 is out of range'],
  ])('a plan with %s is unusable (exit 1) before any branch or call', async (_name, steps, message) => {
    await savePlanFile(repo.root, 'bad-5555', steps);
    const result = await runCli(['apply', 'bad-5555'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('plan unusable: ');
    expect(result.stderr).toContain(message);
    expect(gateway.requests).toHaveLength(0);
    await expectUntouched();
  });
});

describe('targets a step may not write are refused; the other steps run', () => {
  it('a directory: the step is refused with the reason, the independent step is committed, --json prints the report', async () => {
    await savePlanFile(repo.root, 'dir-6666', [step('src'), step('src/b.ts')]);
    const result = await runCli(['apply', 'dir-6666', '--json'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.steps.map((s: { status: string }) => s.status)).toEqual(['failed', 'applied']);
    expect(report.steps[0].reason).toBe('refused: src is a directory; a step edits one file');
    expect(chats(gateway)).toHaveLength(1);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('a path inside a submodule is refused; the submodule stays clean', async () => {
    const other = await gitFixture({ 'x.txt': 'x\n' });
    try {
      await repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', other.root, 'vendor/lib');
      await repo.git('commit', '-qm', 'add submodule');
      await savePlanFile(repo.root, 'sub-7777', [step('vendor/lib/x.txt'), step('src/b.ts')]);
      const result = await runCli(['apply', 'sub-7777', '--json'], { cwd: repo.root, env: gatewayEnv(gateway) });
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.steps[0].reason).toBe('refused: vendor/lib/x.txt is in a submodule; tandem commits only in this repository');
      expect(report.steps[1].status).toBe('applied');
      expect(await readFile(join(repo.root, 'vendor/lib/x.txt'), 'utf8')).toBe('x\n');
      expect(await repo.git('status', '--porcelain')).toBe('');
    } finally {
      await other.cleanup();
    }
  });

  it("tandem's own files need --allow-config-edits; CI definitions in an unattended run need --allow-ci-edits", async () => {
    await writeFile(join(repo.root, 'tandem.config.json'), '{}\n');
    await repo.git('add', '-A');
    await repo.git('commit', '-qm', 'config');
    const steps = [step('tandem.config.json'), step('.tandemignore', [], 'delete'), step('.github/workflows/ci.yml', [], 'create'), step('src/b.ts')];
    await savePlanFile(repo.root, 'own-8888', steps);
    const result = await runCli(['apply', 'own-8888', '--json'], { cwd: repo.root, env: { ...gatewayEnv(gateway), CI: 'true' } });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.steps.map((s: { reason?: string }) => s.reason)).toEqual([
      "refused: tandem.config.json is tandem's own configuration; plans may not change it (pass --allow-config-edits to allow it)",
      "refused: .tandemignore is tandem's own configuration; plans may not change it (pass --allow-config-edits to allow it)",
      'refused: .github/workflows/ci.yml is a CI or hook definition; an unattended run may not change it (pass --allow-ci-edits to allow it)',
      undefined,
    ]);
    expect(await readFile(join(repo.root, 'tandem.config.json'), 'utf8')).toBe('{}\n');
    expect(chats(gateway)).toHaveLength(1);
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
