import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, isolatedHome } from '../helpers/cli.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const SLACK = 'xoxb-' + '99887766-TERMINALslack0token';
const CUSTOM = 'custom' + 'TERMINAL-secret-31';

let repo: GitFixture;
afterEach(async () => {
  await repo?.cleanup();
});

const record = (fields: Record<string, unknown>) => ({
  id: 'r', ts: '2026-03-01T10:00:00.000Z', runId: 'run-1', planId: 'p-1', step: 0, role: 'editor', model: 'qwen2.5-coder', provider: 'portkey',
  promptTokens: 1234, completionTokens: 56, cachedTokens: 0, latencyMs: 2000, ttftMs: 100, costUsd: 0, costSource: 'pricing', status: 'ok', error: null, ...fields,
});

describe('what a person sees in a terminal (80x24)', () => {
  it('tandem log marks counted calls with ~ and shows a gateway error body with its keys redacted, even cut short', async () => {
    repo = await gitFixture({ 'README.md': '# x\n' });
    await mkdir(join(repo.root, '.tandem'), { recursive: true });
    const lines = [
      record({ usageSource: 'estimated' }),
      // An older log line written raw, before the redaction existed: it is shown redacted all the same.
      record({ ts: '2026-03-01T10:00:05.000Z', status: 'error', promptTokens: 0, completionTokens: 0, costUsd: null, costSource: 'unknown', error: `401 ${CUSTOM} refused; token ${SLACK}` }),
    ];
    await writeFile(join(repo.root, '.tandem/activity.jsonl'), lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    const screens: string[] = [];
    for (const args of ['log', 'log --wide']) {
      const command = `stty cols 80 rows 24; node ${BIN} ${args}`;
      const result = await execa('script', ['-qec', command, '/dev/null'], {
        cwd: repo.root,
        reject: false,
        env: { HOME: await isolatedHome(), NO_COLOR: '1', PATH: process.env.PATH ?? '', TZ: 'UTC', MY_SERVICE_SECRET: CUSTOM },
        extendEnv: false,
        timeout: 60_000,
      });
      const screen = stripVTControlCharacters(result.stdout).replace(/\r/g, '');
      expect(result.exitCode, screen).toBe(0);
      expect(screen).not.toContain(SLACK.slice(0, 12));
      expect(screen).not.toContain(CUSTOM.slice(0, 8));
      screens.push(screen);
    }
    expect(screens[0]).toMatch(/editor +qwen2\.5-coder +~\$0\.0000 +ok/);
    expect(screens[1]).toMatch(/editor .* ~1,234 \/ ~56 .* ~\$0\.0000 +ok/);
    expect(screens[1]).toContain('error: 401 [REDACTED:secret] refused; token xox…');
  });
});
