import { mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck, trimOutput } from '../../src/pipeline/check.js';

// The check keeps its whole output under <cwd>/.tandem/checks/: a folder of the test's own.
let dir: string;
beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'tandem-check-')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trimOutput', () => {
  it('keeps short output whole, minus colour codes, CRLF and trailing blank lines', () => {
    expect(trimOutput('\x1b[31mFAIL\x1b[0m a.test.ts\r\nline 2\r\n\n')).toBe('FAIL a.test.ts\nline 2');
  });

  it('keeps the head and the tail of long output at line ends and says how much was cut', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${String(i).padStart(4, '0')}`);
    const trimmed = trimOutput(lines.join('\n'), 400);
    const [head, tail] = trimmed.split(/\n\[… [\d,]+ characters cut …\]\n/);
    expect(head.split('\n')[0]).toBe('line 0000');
    expect(tail.split('\n').at(-1)).toBe('line 0999');
    expect([...head.split('\n'), ...tail.split('\n')].every((l) => /^line \d{4}$/.test(l))).toBe(true);
    expect(head.length + tail.length).toBeLessThanOrEqual(400);
    const cut = Number(/\[… ([\d,]+) characters cut …\]/.exec(trimmed)![1].replace(/,/g, ''));
    expect(cut + head.length + tail.length).toBe(lines.join('\n').length);
  });

  it('cuts a single huge line at the limit', () => {
    const trimmed = trimOutput('x'.repeat(10_000), 100);
    expect(trimmed).toBe(`${'x'.repeat(30)}\n[… 9,900 characters cut …]\n${'x'.repeat(70)}`);
  });
});

describe('runCheck', () => {
  it('shows the output trimmed and redacted, and keeps it whole only in an owner-only file under .tandem/checks', async () => {
    const token = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
    const check = await runCheck(`echo "GITHUB_TOKEN=${token}"; seq 1 3000; exit 1`, { cwd: dir });
    expect(check.output).not.toContain(token);
    expect(check.output).toContain('GITHUB_TOKEN=[REDACTED:github-token]');
    expect(check.output).toContain('characters cut');
    const whole = await readFile(join(dir, check.log!), 'utf8');
    expect(whole.startsWith(`GITHUB_TOKEN=${token}\n1\n2\n`)).toBe(true);
    expect(whole.endsWith('\n2999\n3000\n')).toBe(true);
    expect((await stat(join(dir, check.log!))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, '.tandem/.gitignore'), 'utf8')).toBe('*\n');
  });

  it('runs in a shell in cwd with stdout and stderr interleaved, and passes on exit 0', async () => {
    const check = await runCheck('echo out; echo err >&2; pwd', { cwd: dir });
    expect(check).toEqual({ command: 'echo out; echo err >&2; pwd', exitCode: 0, passed: true, output: `out\nerr\n${dir}`, durationMs: expect.any(Number), log: expect.stringMatching(/^\.tandem\/checks\/\d{8}T\d{6}Z-[0-9a-f]{6}\.log$/) });
  });

  it('fails with the exit code and never reads stdin', async () => {
    const check = await runCheck('cat; echo done; exit 3', { cwd: dir });
    expect([check.exitCode, check.passed, check.output]).toEqual([3, false, 'done']);
  });

  it('reports a command that cannot be found as a failed check', async () => {
    const check = await runCheck('no-such-command-tandem-test', { cwd: dir });
    expect(check.exitCode).toBe(127);
    expect(check.passed).toBe(false);
    expect(check.output).toContain('not found');
  });

  it('stops the command when the run is interrupted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const check = await runCheck('sleep 5', { cwd: '/tmp', signal: controller.signal });
    expect(check.passed).toBe(false);
    expect(check.exitCode).toBeNull();
    expect(check.output).toBe('[interrupted]');
    expect(check.durationMs).toBeLessThan(4000);
  });
});
