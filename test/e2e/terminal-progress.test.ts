import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { promptText } from '../helpers/editor-by-file.js';
import { matchNotPinned, matchProviderPinned, type FakeGateway, type ScriptedReply } from '../helpers/fake-gateway.js';
import { runInPty, screenLines } from '../helpers/pty.js';
import { cliEnv, useRepoAndGateway } from '../helpers/repo-gateway.js';

const FILES = ['a', 'b', 'c'].map((name) => `src/${name}.ts`);
const PLAN = {
  summary: 'Create three modules.',
  steps: FILES.map((file) => ({ title: `Create ${file}`, file, action: 'create', instructions: 'Export x.', depends_on: [] })),
};
const whole = (name: string): ScriptedReply => ({ text: `\`\`\`ts\nexport const ${name} = 1;\n\`\`\`\n`, promptTokens: 300, completionTokens: 40, provider: 'local', chunkDelayMs: 30 });

const { repo, startGateway } = useRepoAndGateway({ 'README.md': '# x\n' });

/** A gateway whose architect thinks for `thinkMs` before answering, and whose editor answers each file. */
async function gatewayWith(thinkMs: number): Promise<FakeGateway> {
  return startGateway({
    routes: [
      { match: matchNotPinned(), replies: () => ({ text: JSON.stringify(PLAN), promptTokens: 900, completionTokens: 150, provider: 'anthropic', delayMs: thinkMs, chunkDelayMs: 20 }) },
      {
        match: matchProviderPinned(),
        replies: (req) => {
          const prompt = promptText(req);
          return whole(['a', 'b', 'c'].find((name) => prompt.includes(`src/${name}.ts`)) ?? 'z');
        },
      },
    ],
  });
}

describe('live progress and colour in a terminal', () => {
  it('redraws a spinner with elapsed seconds while a slow architect thinks, then prints steps in order with colour', async () => {
    const gateway = await gatewayWith(2600);
    const run = await runInPty(['run', 'create three modules', '--yes', '--concurrency', '1'], { cwd: repo.root, cols: 80, rows: 24, env: cliEnv(gateway) });
    expect(run.exitCode, run.output).toBe(0);
    const lines = screenLines(run.output);
    const planning = lines.filter((line) => /^. Planning with anthropic\/claude-sonnet-4 · \ds/.test(line));
    // Redrawn in place many times (the spinner turns every 100 ms), the seconds counting up.
    expect(planning.length).toBeGreaterThan(10);
    expect(new Set(planning.map((line) => line[0])).size).toBeGreaterThan(5);
    expect(planning.some((line) => line.includes('· 2s'))).toBe(true);
    expect(run.output).toMatch(/\x1b\[\d+A\x1b\[J/);
    // Final lines once each, in step order (the spinner lines are redrawn in place and erased).
    const text = lines.filter((line) => !/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] /.test(line)).join('\n');
    expect(text.indexOf('✓ [1/3] applied')).toBeGreaterThan(-1);
    expect(text.indexOf('[2/3] src/b.ts')).toBeGreaterThan(text.indexOf('✓ [1/3] applied'));
    expect(text.indexOf('[3/3] src/c.ts')).toBeGreaterThan(text.indexOf('✓ [2/3] applied'));
    expect(lines.filter((line) => line.includes('✓ [2/3] applied'))).toHaveLength(1);
    // Colour on a TTY: green applied, dim costs.
    expect(run.output).toMatch(/\x1b\[32m {2}✓ \[1\/3\] applied/);
    expect(run.output).toContain('\x1b[2m$0.0000\x1b[22m');
  });

  it('CI draws no spinner; no colour with NO_COLOR, --no-color or when piped; FORCE_COLOR colours piped output', async () => {
    const gateway = await gatewayWith(0);
    const ci = await runInPty(['run', 'create', '--yes'], { cwd: repo.root, cols: 80, rows: 24, env: { ...cliEnv(gateway), CI: 'true' } });
    expect(ci.exitCode, ci.output).toBe(0);
    expect(ci.output).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(ci.output).toContain('Planning with anthropic/claude-sonnet-4…');
    const tty = await runInPty(['log'], { cwd: repo.root, cols: 80, rows: 24 });
    expect(tty.output).toContain('\x1b[32mok\x1b[39m');
    const noColor = await runInPty(['log'], { cwd: repo.root, cols: 80, rows: 24, env: { NO_COLOR: '1' } });
    expect(noColor.output).not.toContain('\x1b[');
    expect(noColor.output).toContain(' ok');
    const flag = await runInPty(['log', '--no-color'], { cwd: repo.root, cols: 80, rows: 24 });
    expect(flag.output).not.toContain('\x1b[');
    const piped = await runCli(['log'], { cwd: repo.root, env: { NO_COLOR: '' } });
    expect(piped.stdout).not.toContain('\x1b[');
    const forced = await runCli(['log'], { cwd: repo.root, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\x1b[32mok\x1b[39m');
  });
});
