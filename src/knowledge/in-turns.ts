import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work done between turns given to the event loop. */
const sliceMs = 10;

/**
 * Runs work written as steps (a generator that yields now and then) to the end, giving the event
 * loop a turn every `sliceMs`, so answers and acknowledgements are not held up while it runs.
 */
export async function inTurns<T>(
  steps: Generator<void, T>,
  now: () => number = () => performance.now(),
): Promise<T> {
  let slice = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - slice >= sliceMs) {
      await nextTurn();
      slice = now();
    }
  }
}
