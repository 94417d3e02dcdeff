import { describe, expect, it } from 'vitest';
import { freshCursor, recall } from '../../src/ui/prompt-history.js';

describe('recall', () => {
  it('goes back through older lines, stops at the oldest, and ↓ brings back the line being typed', () => {
    const history = ['first task', '/log', 'second task'];
    const up1 = recall(history, freshCursor, 'half typ', 'up')!;
    expect(up1.value).toBe('second task');
    const up2 = recall(history, up1.cursor, up1.value, 'up')!;
    const up3 = recall(history, up2.cursor, up2.value, 'up')!;
    expect([up2.value, up3.value]).toEqual(['/log', 'first task']);
    expect(recall(history, up3.cursor, up3.value, 'up')).toBeNull();
    const down1 = recall(history, up3.cursor, up3.value, 'down')!;
    const down2 = recall(history, down1.cursor, down1.value, 'down')!;
    const down3 = recall(history, down2.cursor, down2.value, 'down')!;
    expect([down1.value, down2.value, down3.value]).toEqual(['/log', 'second task', 'half typ']);
    expect(down3.cursor.index).toBeNull();
    expect(recall(history, down3.cursor, 'half typ', 'down')).toBeNull();
    expect(recall([], freshCursor, '', 'up')).toBeNull();
  });
});
