import { describe, expect, it } from 'vitest';
import { errorCommand, escapeData, escapeProperty, runAnnotations } from '../../src/ci/github.js';
import type { RunReport } from '../../src/report/types.js';

describe('workflow command escaping', () => {
  it('escapes data as GitHub does: %, CR and LF', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
  });

  it('escapes properties also for : and ,', () => {
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  it('writes ::error with a file property, or without', () => {
    expect(errorCommand('no match\nin file', { file: 'src/a,b.ts' })).toBe('::error file=src/a%2Cb.ts::no match%0Ain file');
    expect(errorCommand('plain')).toBe('::error::plain');
  });
});

describe('runAnnotations', () => {
  const step = { model: 'm', provider: 'p', promptTokens: 0, completionTokens: 0, latencyMs: 0, costUsd: 0, attempts: 3, commit: null };
  const base = {
    steps: [
      { ...step, index: 0, title: 'Add x', file: 'src/x.ts', status: 'applied', commit: 'a' },
      { ...step, index: 1, title: 'Fix y', file: 'src/y.ts', status: 'failed', reason: 'no match in src/y.ts:\n  nearest line 4' },
      { ...step, index: 2, title: 'Docs', file: 'README.md', status: 'skipped', reason: 'depends' },
    ],
  } as unknown as RunReport;

  it('annotates each failed step on its file', () => {
    expect(runAnnotations(base)).toEqual(['::error file=src/y.ts::tandem step 2 (Fix y) failed: no match in src/y.ts:%0A  nearest line 4']);
  });

  it('adds the check that never passed and the budget stop', () => {
    const report = {
      ...base,
      check: { command: 'npm test', passed: false, passedRound: null, checkEach: false },
      rounds: [{}, {}, {}],
      budget: { stopped: { limit: 'cost', when: 'before-call', message: 'budget reached (--max-cost $0.5000)' } },
    } as unknown as RunReport;
    expect(runAnnotations(report).slice(1)).toEqual(['::error::the check `npm test` still fails after 3 rounds', '::error::tandem stopped: budget reached (--max-cost $0.5000)']);
  });
});
