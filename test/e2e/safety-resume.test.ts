import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { editorByFile } from '../helpers/editor-by-file.js';
import { matchProviderPinned, type ScriptedReply } from '../helpers/fake-gateway.js';
import { useRepoAndGateway } from '../helpers/repo-gateway.js';
import { bump, chats, FILES, gatewayEnv, savePlanFile, step } from './safety-helpers.js';

const { repo, startGateway } = useRepoAndGateway(FILES);

describe('resume --in-place', () => {
  it('continues on the current branch: the committed step is not run again, and a dependent step runs after it', async () => {
    const junk: ScriptedReply = { text: 'no idea' };
    const gateway = await startGateway({ routes: [{ match: matchProviderPinned(), // b's prompt shows a (its dependency) too: b's key is looked for first.
      replies: editorByFile({ 'src/b.ts': [junk, junk, junk, { text: bump('b') }], 'src/a.ts': [{ text: bump('a') }] }) }] });
    await savePlanFile(repo.root, 'inp-1111', [step('src/a.ts'), step('src/b.ts', [0])]);
    const first = await runCli(['apply', 'inp-1111', '--in-place'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(first.exitCode).toBe(1);
    expect(await repo.git('log', '--format=%s', 'HEAD~1..main')).toBe('tandem: change src/a.ts');
    const second = await runCli(['apply', 'inp-1111', '--in-place', '--json'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout).steps.map((s: { status: string }) => s.status)).toEqual(['skipped', 'applied']);
    expect(await repo.git('log', '--format=%s', 'main')).toBe('tandem: change src/b.ts\ntandem: change src/a.ts\ninitial commit');
    expect(chats(gateway)).toHaveLength(5);
    expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('a fix-up plan cannot reach a protected file either: a run --check whose fix-up step targets tandem.config.json has it refused', async () => {
    const gateway = await startGateway({
      routes: [
        { match: (req) => !req.body?.provider && JSON.stringify(req.body?.messages).includes('Fix-up round'), replies: [{ text: JSON.stringify({ summary: 'fix', steps: [step('tandem.config.json')] }) }] },
        { match: (req) => !req.body?.provider, replies: [{ text: JSON.stringify({ summary: 's', steps: [step('src/a.ts')] }) }] },
        { match: matchProviderPinned(), replies: editorByFile({ 'src/a.ts': [{ text: bump('a') }] }) },
      ],
    });
    const run = await runCli(['run', 'bump a', '--yes', '--json', '--check', 'false', '--fix-rounds', '1'], { cwd: repo.root, env: gatewayEnv(gateway) });
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout);
    const fix = report.steps.find((s: { file: string }) => s.file === 'tandem.config.json');
    expect(fix.reason).toBe("refused: tandem.config.json is tandem's own configuration; plans may not change it (pass --allow-config-edits to allow it)");
    expect(await repo.git('status', '--porcelain')).toBe('');
  });
});
