import type { Timeouts } from '../config/types.js';

/** Why an attempt was stopped from our side. */
export type StopReason = { kind: 'aborted' } | { kind: 'timeout'; key: keyof Timeouts };

/**
 * The three timeouts of one attempt plus the caller's signal, folded into one AbortSignal
 * for the SDK; `reason` says afterwards which of them fired (the SDK swallows aborts mid-stream).
 */
export class CallTimers {
  private readonly controller = new AbortController();
  private readonly timers = new Map<keyof Timeouts, NodeJS.Timeout>();
  private stopReason: StopReason | undefined;
  private readonly onOuterAbort = (): void => this.stop({ kind: 'aborted' });

  constructor(
    timeouts: Timeouts,
    private readonly outer?: AbortSignal,
  ) {
    for (const key of ['connectMs', 'firstTokenMs', 'totalMs'] as const) {
      this.timers.set(key, setTimeout(() => this.stop({ kind: 'timeout', key }), timeouts[key]));
    }
    if (outer?.aborted) this.onOuterAbort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** The signal to hand to the SDK. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Which stop fired first, if any. */
  get reason(): StopReason | undefined {
    return this.stopReason;
  }

  /** Response headers arrived: the connect timeout no longer applies. */
  headersArrived(): void {
    this.clear('connectMs');
  }

  /** The first content delta arrived: the first-token timeout no longer applies. */
  firstToken(): void {
    this.clear('firstTokenMs');
  }

  /** Clears every timer and the listener on the caller's signal. */
  dispose(): void {
    for (const key of [...this.timers.keys()]) this.clear(key);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }

  private clear(key: keyof Timeouts): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    this.dispose();
    this.controller.abort();
  }
}
