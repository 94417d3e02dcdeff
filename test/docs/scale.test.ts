import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from '../helpers/cli.js';

const DOC = fileURLToPath(new URL('../../docs/scale.md', import.meta.url));

/** The fenced blocks of a markdown file with their language. */
function fences(markdown: string): Array<{ lang: string; body: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2] }));
}

const SCRIPT_KEYS = new Set(['run', 'script', 'before_script', 'after_script']);

/** The shell scripts of a parsed workflow: GitHub's `run` steps and GitLab's `script` lists. */
function scriptsOf(value: unknown, inScript = false): string[] {
  if (typeof value === 'string') return inScript ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => scriptsOf(item, inScript));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => scriptsOf(item, SCRIPT_KEYS.has(key)));
  return [];
}

/** The tandem invocations in shell text: continuation lines joined, one per command in a list or pipe. */
function invocations(script: string): Array<{ command: string; flags: string[] }> {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split(/\n|&&|\|\||;|\|/)
    .map((part) => part.trim().replace(/^\$\s+/, ''))
    .filter((part) => /^tandem(\s|$)/.test(part))
    .map((part) => {
      const words = part.replace(/'[^']*'|"[^"]*"/g, 'ARG').split(/\s+/).slice(1);
      const command = words.find((w) => !w.startsWith('-')) ?? '';
      return { command, flags: words.filter((w) => w.startsWith('--')).map((w) => w.split('=')[0]) };
    });
}

describe('docs/scale.md', () => {
  it('its workflow files parse as YAML with the shape GitHub Actions and GitLab CI need', async () => {
    const blocks = fences(await readFile(DOC, 'utf8')).filter((b) => b.lang === 'yaml');
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const workflows = blocks.map((block) => {
      const docs = parseAllDocuments(block.body, { uniqueKeys: true });
      for (const doc of docs) expect(doc.errors.map(String)).toEqual([]);
      return docs[0].toJS() as Record<string, unknown>;
    });
    const github = workflows.find((w) => 'jobs' in w) as { on: unknown; jobs: Record<string, { 'runs-on': string; steps: Array<Record<string, unknown>>; strategy?: { matrix?: unknown }; needs?: unknown }> };
    expect(github.on).toBeDefined();
    expect(Object.keys(github.jobs)).toEqual(['refactor', 'totals']);
    expect(github.jobs.refactor.strategy?.matrix).toBeDefined();
    expect(github.jobs.totals.needs).toBe('refactor');
    for (const job of Object.values(github.jobs)) {
      expect(job['runs-on']).toBeTruthy();
      for (const step of job.steps) expect(Boolean(step.run) !== Boolean(step.uses)).toBe(true);
    }
    const gitlab = workflows.find((w) => 'stages' in w) as Record<string, { stage?: string; script?: string[]; parallel?: { matrix?: unknown } }>;
    expect(gitlab.refactor.parallel?.matrix).toBeDefined();
    for (const name of ['refactor', 'totals']) {
      expect((gitlab.stages as unknown as string[]).includes(gitlab[name].stage!)).toBe(true);
      expect(Array.isArray(gitlab[name].script)).toBe(true);
    }
  });

  it('every tandem command and flag it uses exists in tandem --help', async () => {
    const markdown = await readFile(DOC, 'utf8');
    const scripts = fences(markdown).flatMap((block) =>
      block.lang === 'yaml' ? parseAllDocuments(block.body).flatMap((doc) => scriptsOf(doc.toJS())) : block.lang === 'sh' ? [block.body] : [],
    );
    const used = scripts.flatMap(invocations);
    expect(used.length).toBeGreaterThanOrEqual(10);
    const cwd = tmpdir();
    const top = await runCli(['--help'], { cwd });
    const helps = new Map<string, string>();
    for (const { command, flags } of used) {
      expect(top.stdout, `tandem ${command}`).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
      if (!helps.has(command)) helps.set(command, (await runCli([command, '--help'], { cwd })).stdout);
      for (const flag of flags) expect(helps.get(command), `tandem ${command} ${flag}`).toMatch(new RegExp(`${flag}\\b`));
    }
  });
});
