/**
 * Runs `work`, yielding every event it emits as it emits it, and finishes when `work` settles
 * (rethrowing its error after the events emitted before it). Lets pipeline stages be plain async
 * code with callbacks while front ends read one async generator.
 */
export async function* withChannel<T>(work: (emit: (event: T) => void) => Promise<void>): AsyncGenerator<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let settled = false;
  let failure: { error: unknown } | undefined;
  const emit = (event: T) => {
    queue.push(event);
    wake?.();
  };
  work(emit).then(
    () => {
      settled = true;
      wake?.();
    },
    (error: unknown) => {
      failure = { error };
      settled = true;
      wake?.();
    },
  );
  while (true) {
    while (queue.length > 0) yield queue.shift() as T;
    if (settled) break;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  while (queue.length > 0) yield queue.shift() as T;
  if (failure) throw failure.error;
}
