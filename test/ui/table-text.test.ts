import { describe, expect, it } from 'vitest';
import { fitLine, revertNotes, runSummaryText, runTableText } from '../../src/ui/table-text.js';
import { initialRunState, reduceRun } from '../../src/ui/run-state.js';
import { APPLYING, FINISHING, PLAN_READY, REPORT } from './fixtures.js';

const MODEL = 'anthropic/claude-sonnet-4';

describe('runTableText', () => {
  it('is the plain run table when it fits', () => {
    const text = runTableText(REPORT, 100, MODEL);
    expect(text.split('\n')[0]).toMatch(/^Step\s+File\s+Model\s+Provider\s+Tokens in\/out\s+Latency\s+Cost\s+Status$/);
    expect(text.endsWith('saved $0.0060 (50%) against running every step on anthropic/claude-sonnet-4')).toBe(true);
  });

  it('drops low-priority columns on a narrow screen, saying which, every line within the width', () => {
    const text = runTableText(REPORT, 36, MODEL);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Step   File          Cost  Status');
    expect(lines[2]).toBe('1      …/math.ts  $0.0000  applied');
    expect(text).toContain('Model, Provider, Tokens in/out,\nLatency hidden to fit; a wider\nterminal shows all');
    expect(lines.every((line) => [...line].length <= 36)).toBe(true);
  });

  it('falls back to one line per row when even the narrowest table does not fit', () => {
    const text = runTableText(REPORT, 24, MODEL);
    const [table, saving] = text.split('\n\n');
    expect(table).toBe(['plan  anthropi…  $0.0060', '1 applied  src…  $0.0000', '2 applied  src…  $0.0000', '-'.repeat(24), 'total  2,000 /…  $0.0060'].join('\n'));
    expect(saving).toBe('saved $0.0060 (50%) against running every step on anthropic/claude-sonnet-4');
  });

  it('shows an unknown total as a lower bound from the known parts', () => {
    const report = { ...REPORT, totals: { ...REPORT.totals, costUsd: null }, steps: [{ ...REPORT.steps[0], costUsd: null }, REPORT.steps[1]] };
    const text = runTableText(report, 36, MODEL);
    expect(text).toContain('1      …math.ts         ?  applied');
    expect(text).toContain('total            ≥$0.0060  2 applied');
  });
});

describe('fitLine', () => {
  it('pads to the width, cuts the left side with an ellipsis, and cuts the whole line when even the right does not fit', () => {
    expect(fitLine('a', '$1', 8)).toBe('a     $1');
    expect(fitLine('abcdefgh', '$1', 8)).toBe('abc…  $1');
    expect(fitLine('abcdefgh', '$0.0000', 8)).toBe('abcdefg…');
  });
});

describe('runSummaryText', () => {
  it('adds where the commits went and an interruption; revertNotes names the steps reverted since', () => {
    let run = [...PLAN_READY, ...APPLYING, ...FINISHING].reduce((state, event) => reduceRun(state, { type: 'event', event, at: 1 }), initialRunState);
    expect(runSummaryText(run, 100, MODEL).split('\n').slice(-2)).toEqual(['', '2 of 2 steps committed on branch tandem/add-subtraction-1a2b.']);
    expect(runSummaryText({ ...run, exitCode: 130 }, 100, MODEL).split('\n').slice(-2)).toEqual([
      '2 of 2 steps committed on branch tandem/add-subtraction-1a2b.',
      'Interrupted: calls in flight were cancelled; steps not yet applied were skipped.',
    ]);
    expect(runSummaryText(initialRunState, 80, MODEL)).toBe('');
    expect(revertNotes(run)).toBe('');
    run = reduceRun(run, { type: 'reverted', index: 1, commit: 'abcdef0123' });
    run = reduceRun(run, { type: 'reverted', index: 0, commit: '0123456789' });
    expect(revertNotes(run)).toBe('Step 1 reverted by commit 0123456.\nStep 2 reverted by commit abcdef0.');
  });
});
