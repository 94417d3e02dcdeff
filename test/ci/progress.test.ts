import { describe, expect, it } from 'vitest';
import { createVerifyPrinter } from '../../src/ci/progress.js';

describe('createVerifyPrinter', () => {
  it('prints rounds, checks with the tail of a failing output, and a budget stop', () => {
    let out = '';
    const print = createVerifyPrinter({ write: (text: string) => (out += text) });
    const failing = { command: 'npm test', exitCode: 1, passed: false, output: Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n'), durationMs: 1500 };
    print({ type: 'round-start', round: 1, kind: 'plan', steps: [0] });
    print({ type: 'check-start', round: 1, command: 'npm test', step: 0 });
    print({ type: 'check-result', round: 1, check: failing, step: 0 });
    print({ type: 'check-start', round: 1, command: 'npm test' });
    print({ type: 'check-result', round: 1, check: failing });
    print({ type: 'round-start', round: 2, kind: 'fix', steps: [1, 2] });
    print({ type: 'check-result', round: 2, check: { ...failing, exitCode: 0, passed: true, output: '' } });
    print({ type: 'budget-stop', stop: { limit: 'cost', when: 'after-call', max: 1, spent: 2, message: 'budget exceeded' } });
    const tail = Array.from({ length: 12 }, (_, i) => `    | l${i + 8}`).join('\n');
    expect(out).toBe(
      '  checking after step 1: npm test\n' +
        '    ✗ check failed (exit 1) in 1.5s\n' +
        'Checking round 1: npm test\n' +
        '  ✗ check failed (exit 1) in 1.5s\n' +
        `${tail}\n` +
        'Fix-up round 2: 2 new steps\n' +
        '  ✓ check passed in 1.5s\n' +
        '  ! budget exceeded\n',
    );
  });
});
