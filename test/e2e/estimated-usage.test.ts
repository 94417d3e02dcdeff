import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { matchNotPinned, matchProviderPinned } from '../helpers/fake-gateway.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const { repo, startGateway } = useRepoAndGateway({ 'README.md': '# notes\n' });

/** A plan creating one new note per round, so every fix-up round has a step to apply. */
function notePlan(n: number) {
  return { summary: `note ${n}`, steps: [{ title: `Write note ${n}`, file: `notes/n${n}.md`, action: 'create', instructions: 'Write one line.', depends_on: [] }] };
}

describe('a gateway that sends no usage (Portkey with the ollama provider, stripping proxies)', () => {
  it.each([
    ['streamed', false],
    ['answered in one JSON body', true],
  ])('%s: calls are counted locally, marked estimated, and --max-tokens stops the run on them (exit 3)', async (_how, ignoreStream) => {
    let rounds = 0;
    const gateway = await startGateway({
      routes: [
        { match: matchNotPinned(), replies: () => ({ text: JSON.stringify(notePlan(++rounds)), omitUsage: true, ignoreStream }) },
        { match: matchProviderPinned(), replies: () => ({ text: '```md\none line\n```\n', omitUsage: true, ignoreStream }) },
      ],
    });
    const env = { ...cliEnv(gateway), CI: 'true' };
    const result = await runCli(['run', '--ci', 'write notes', '--check', 'false', '--fix-rounds', '8', '--max-tokens', '8000', '--report', 'report.json'], { cwd: repo.root, env });
    expect(result.exitCode, result.stderr).toBe(3);

    const report = JSON.parse(await readFile(join(repo.root, 'report.json'), 'utf8'));
    // Before, every call of the 9 rounds was made and the run reported 0 tokens spent.
    expect(report.rounds.length).toBeLessThan(9);
    expect(report.budget).toMatchObject({ maxTokens: 8000, usageSource: 'estimated', stopped: { limit: 'tokens', when: 'before-call' } });
    // Stopped before a call whose estimate (prompt + the 4,096-token answer allowance) would go over.
    expect(report.budget.spentTokens).toBeGreaterThan(8000 - 6000);
    expect(report.budget.spentTokens).toBeLessThanOrEqual(8000);
    expect(report.totals.promptTokens + report.totals.completionTokens).toBe(report.budget.spentTokens);
    expect(report.totals.usageSource).toBe('estimated');
    expect(report.usageSource).toBe('estimated');
    // Priced with the architect's pricing (claude-sonnet-4: $3 / $15 per million).
    expect(report.architect.costUsd).toBeCloseTo((report.architect.promptTokens * 3 + report.architect.completionTokens * 15) / 1e6, 10);

    // The local editor's warm-up call (made while the architect plans) is kept out of reports and stats.
    const records = (await readFile(join(repo.root, '.tandem/activity.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line)).filter((r) => r.kind !== 'warm-up');
    expect(records.length).toBeGreaterThan(2);
    expect(records.every((r) => r.usageSource === 'estimated' && r.promptTokens > 0 && r.completionTokens > 0)).toBe(true);
    expect(result.stdout).toMatch(/^plan .* ~[\d,]+ \/ ~[\d,]+ .* ~\$\d/m);
    expect(result.stdout).toContain('~ counted by tandem: the gateway sent no usage for these calls');

    const stats = await runCli(['stats', '--json'], { cwd: repo.root, env });
    expect(JSON.parse(stats.stdout).totals).toMatchObject({ usageSource: 'estimated', estimatedCalls: records.length });
    const html = await runCli(['report', '--html', 'r.html'], { cwd: repo.root, env });
    expect(html.exitCode, html.stderr).toBe(0);
    const page = await readFile(join(repo.root, 'r.html'), 'utf8');
    expect(page).toContain('data-usage-source="estimated"');
    expect(page).toMatch(/data-card="tokens">~[\d,]+ \/ ~[\d,]+</);
  });
});
