/**
 * Work written as steps: a generator that yields now and then, so that a caller can let other work
 * run between steps (see `inTurns` in src/knowledge/), or run it to the end at once with `finish`.
 */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
