/** Shared settings of the property-based fuzz tests: a fixed seed (CI replays the same cases) and a time bound per case. */
import fc from 'fast-check';
import { expect } from 'vitest';

export const FUZZ_SEED = 20_261_202;

/** Per case: generous on a shared 2-core machine, far below what backtracking on tens of kB would take. */
export const CASE_MS = 5_000;

/** Runs a synchronous property with the fixed seed. */
export const fuzz = <T>(property: fc.IRawProperty<T>, numRuns = 100) =>
  fc.assert(property, { seed: FUZZ_SEED, numRuns });

/** Runs `work`, failing the case when it takes longer than `CASE_MS`. */
export function timed<T>(work: () => T): T {
  const start = performance.now();
  const result = work();
  expect(performance.now() - start).toBeLessThan(CASE_MS);
  return result;
}
