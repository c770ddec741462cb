/**
 * The buyer phrasebook shipped with Huashu (`phrasebook.data.ts`, generated: 1.8 MB of source, 1.5 MB of the panel's
 * script). The panel's first list does not use it (it is built once that list is drawn), so it is loaded apart: in
 * the extension a chunk of its own, fetched after the first list instead of before the page could run. An engine made
 * without a `phrasebook` option uses it once loaded; Node callers (the CLI, benches, tests) load it first.
 */
import type { Phrasebook } from './phrasebook';

let shipped: Phrasebook | null = null;

/** The shipped phrasebook, or null until `loadShippedPhrasebook` has resolved. */
export function shippedPhrasebook(): Phrasebook | null {
  return shipped;
}

/** Loads the shipped phrasebook (once; later calls resolve to the same object). */
export async function loadShippedPhrasebook(): Promise<Phrasebook> {
  shipped ??= (await import('./phrasebook.data')).PHRASEBOOK_DATA;
  return shipped;
}
