import type { Tone } from './color.js';

/**
 * Holds each step's progress lines until the step is done, and prints whole blocks in step order: a
 * later step that finishes first waits for the ones before it, so the log reads as the plan does.
 */
export class StepBlocks {
  private readonly lines = new Map<number, Array<[string, Tone | undefined]>>();
  private readonly done = new Set<number>();
  private readonly order: number[] = [];

  constructor(private readonly print: (text: string, tone?: Tone) => void) {}

  /** Steps to wait for, in addition to those already known. */
  expect(indexes: readonly number[]): void {
    for (const index of indexes) if (!this.order.includes(index)) this.order.push(index);
    this.order.sort((a, b) => a - b);
  }

  /** A line of a step that is still running. */
  add(index: number, text: string, tone?: Tone): void {
    this.expect([index]);
    this.lines.set(index, [...(this.lines.get(index) ?? []), [text, tone]]);
  }

  /** The step's last line: its block is printed as soon as every step before it has been. */
  finish(index: number, text: string, tone?: Tone): void {
    this.add(index, text, tone);
    this.done.add(index);
    while (this.order.length > 0 && this.done.has(this.order[0])) this.emit(this.order.shift() as number);
  }

  /** Prints every block left, in step order (the run is over). */
  flushAll(): void {
    for (const index of this.order.splice(0)) this.emit(index);
  }

  private emit(index: number): void {
    for (const [text, tone] of this.lines.get(index) ?? []) this.print(text, tone);
    this.lines.delete(index);
  }
}
