/**
 * Stepped computations: a generator that yields between slices of work of a few tens of milliseconds, so a page
 * can run each slice in a task of its own (keys and paints go on between them), while Node and the tests run it
 * to its end at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs a stepped computation to its end at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs a stepped computation one slice per `pause()` (e.g. a task of its own each). */
export async function finishInTasks<T>(steps: Steps<T>, pause: () => Promise<unknown>): Promise<T> {
  for (;;) {
    await pause();
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads `count` items `perStep` at a time: `read(from, to)` for each slice `[from, to)`, a yield after each (the
 * stepped builds over a pack's entries or a phrasebook's intents).
 */
export function* inSlices(count: number, perStep: number, read: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < count; from += perStep) {
    read(from, Math.min(count, from + perStep));
    yield;
  }
}

/**
 * Takes part in a stepped computation that other callers may drive too (a build shared by whoever needs it first):
 * yields at each of its steps until it is done, by whichever caller. Its result stays with the caller that finished it.
 */
export function* follow(steps: Steps<unknown>): Steps<void> {
  for (let step = steps.next(); !step.done; step = steps.next()) yield;
}

/** Resolves in a task of its own (a zero timeout): the pause between two slices of a page's stepped work. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
