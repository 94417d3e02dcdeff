import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discloseFiles, outlineText } from '../../src/privacy/disclose.js';
import { buildSummaryMessages, cleanSummary } from '../../src/privacy/summarize.js';
import { gitFixture, type GitFixture } from '../helpers/git-fixture.js';

const MATH = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
let repo: GitFixture;

const disclose = (privacy: 'standard' | 'outline' | 'local-summary', paths: string[], budget = 10_000) =>
  discloseFiles({ root: repo.root, paths, privacy, budget, summarize: async (file) => `summary of ${file.path}` });

describe('discloseFiles', () => {
  beforeEach(async () => {
    repo = await gitFixture({ 'src/math.ts': MATH, 'notes.txt': 'one\ntwo\n', 'big.ts': `export const big = "${'x'.repeat(4000)}";\n` });
    await writeFile(join(repo.root, '.env'), 'A=b\n');
  });
  afterEach(() => repo.cleanup());

  it('standard: the content', async () => {
    const result = await disclose('standard', ['src/math.ts', '.env']);
    expect(result.files).toEqual([{ path: 'src/math.ts', form: 'content', text: MATH }]);
    expect(result.withheld).toEqual([{ path: '.env', reason: 'withheld: a secret file (keys, credentials, .env)' }]);
    expect(result.tokens).toBeGreaterThan(10);
  });

  it('outline: signatures only, and a line count for a file with nothing to outline', async () => {
    const result = await disclose('outline', ['src/math.ts', 'notes.txt']);
    expect(result.files).toEqual([
      { path: 'src/math.ts', form: 'outline', text: 'export function add(a: number, b: number): number' },
      { path: 'notes.txt', form: 'outline', text: '(no declarations found; 3 lines)' },
    ]);
  });

  it('local-summary: what the summarizer wrote', async () => {
    expect((await disclose('local-summary', ['src/math.ts'])).files).toEqual([{ path: 'src/math.ts', form: 'summary', text: 'summary of src/math.ts' }]);
  });

  it('leaves out a file that would go over the budget, saying so', async () => {
    const result = await disclose('standard', ['src/math.ts', 'big.ts'], 200);
    expect(result.files.map((f) => f.path)).toEqual(['src/math.ts']);
    expect(result.withheld).toEqual([{ path: 'big.ts', reason: 'over the context budget (200 tokens)' }]);
  });
});

describe('outlineText', () => {
  it('cuts a very long outline', async () => {
    const content = Array.from({ length: 450 }, (_, i) => `export function f${i}(): void {}`).join('\n');
    const lines = (await outlineText({ path: 'a.ts', content })).split('\n');
    expect(lines).toHaveLength(401);
    expect(lines.at(-1)).toBe('… 50 more');
  });
});

describe('summaries', () => {
  it('asks with the file in a fence longer than any inside it', async () => {
    const [message] = await buildSummaryMessages({ path: 'README.md', content: 'Use:\n```sh\nrun\n```\n' });
    expect(message.role).toBe('user');
    expect(message.content).toContain('File: README.md\n\n````\nUse:\n```sh\nrun\n```\n````');
    expect(message.content).toContain('Do not quote code');
  });

  it('keeps plain text only, and not too much of it', () => {
    expect(cleanSummary('<think>hmm</think>\nIt adds.\n```ts\nreturn a + b;\n```\nDone.')).toBe('It adds.\n\nDone.');
    expect(cleanSummary('x'.repeat(2000))).toHaveLength(1500);
  });
});
