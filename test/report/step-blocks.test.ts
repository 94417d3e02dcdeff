import { describe, expect, it } from 'vitest';
import { StepBlocks } from '../../src/report/step-blocks.js';

describe('StepBlocks', () => {
  it('prints each step as one block, in step order, whatever order the steps finish in', () => {
    const printed: string[] = [];
    const blocks = new StepBlocks((text) => printed.push(text));
    blocks.expect([0, 1, 2]);
    blocks.add(0, 'start 1');
    blocks.add(1, 'start 2');
    blocks.finish(1, 'done 2');
    expect(printed).toEqual([]);
    blocks.add(0, 'retry 1');
    blocks.finish(0, 'done 1');
    expect(printed).toEqual(['start 1', 'retry 1', 'done 1', 'start 2', 'done 2']);
    blocks.add(2, 'start 3');
    blocks.flushAll();
    expect(printed.at(-1)).toBe('start 3');
  });
});
