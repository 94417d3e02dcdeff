import { describe, expect, it } from 'vitest';
import { nextStepsText } from '../../src/report/next-steps.js';
import type { RunReport } from '../../src/report/types.js';

const report = (branch: string | undefined, statuses: string[]) => ({ branch, steps: statuses.map((status, index) => ({ index, status })) }) as unknown as RunReport;

describe('nextStepsText', () => {
  it('on a new branch: review against the real base, merge, go back, undo', () => {
    expect(nextStepsText(report('tandem/x-1a2b', ['applied', 'failed']), { branch: 'develop', head: 'abc' })).toBe(
      [
        'Next:',
        '  review   git diff develop...tandem/x-1a2b',
        '  merge    git switch develop && git merge tandem/x-1a2b',
        '  go back  git switch -   (back to develop; tandem/x-1a2b stays as it is)',
        '  undo     tandem undo   (shows the commits, asks, then reverts them)',
      ].join('\n'),
    );
  });

  it('in place: the diff since the commit the run started from, and undo', () => {
    expect(nextStepsText(report('main', ['applied']), { branch: 'main', head: '0123456789abcdef' })).toBe(
      ['Next:', '  review   git diff 0123456789ab..HEAD', '  undo     tandem undo   (shows the commits, asks, then reverts them)'].join('\n'),
    );
  });

  it('nothing committed: only the way back from the new branch; nothing at all in place', () => {
    expect(nextStepsText(report('tandem/x', ['failed']), { branch: 'main', head: 'abc' })).toBe('Nothing was committed on tandem/x. Go back with: git switch main');
    expect(nextStepsText(report('main', ['failed']), { branch: 'main', head: 'abc' })).toBe('');
  });
});
