import { describe, expect, it } from 'vitest';
import { withChannel } from '../../src/pipeline/channel.js';

describe('withChannel', () => {
  it('yields events in order, including those emitted across awaits', async () => {
    const seen: number[] = [];
    for await (const n of withChannel<number>(async (emit) => {
      emit(1);
      await new Promise((r) => setTimeout(r, 5));
      emit(2);
      emit(3);
    })) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('delivers events emitted before a failure, then throws it', async () => {
    const seen: string[] = [];
    const run = async () => {
      for await (const e of withChannel<string>(async (emit) => {
        emit('a');
        await Promise.resolve();
        throw new Error('boom');
      })) seen.push(e);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual(['a']);
  });
});
