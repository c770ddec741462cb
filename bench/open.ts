/**
 * Run by the speed part of `npm run bench` in a fresh process, once per pack size: opening the panel with
 * a pack whose index is cached. The parent writes the pack and its index with the structured-clone
 * serializer IndexedDB uses; here, in a new JS context as the side panel's is, they are read back, the
 * index revived and loaded into a new engine, and the first buyer message answered; then, as the panel does once its
 * first list is drawn, the buyer phrasebook's index is built and its translation model fitted, each in slices
 * (`phrasebook` and `translation` in all, `phrasebookSlice` and `translationSlice` the longest), and a second message
 * answered with them. Prints one JSON line of milliseconds:
 * { read, load, firstQuery, phrasebook, phrasebookSlice, translation, translationSlice, secondQuery }.
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import type { Pack } from '../lib/packs/schema';
import { SuggestEngine } from '../lib/suggest/engine';
import { rememberFingerprint, reviveSegment } from '../lib/suggest/index/segment';
import { BENCH_DATE } from './metrics';
import { loadShippedPhrasebook } from '../lib/suggest/rank/shipped-phrasebook';
import { loadWordTables } from '../lib/suggest/text/word-tables';

const [file, firstText = '什么时候发货，能开发票吗', secondText = 'do you ship to norway'] = process.argv.slice(2);
// The panel fetches the phrasebook's chunk after its first list (`npm run bench:open` times that in the browser);
// here, where loading it means compiling its TypeScript, it is loaded before anything is timed.
await Promise.all([loadShippedPhrasebook(), loadWordTables()]);
const bytes = readFileSync(file!);
let started = performance.now();
const stored = deserialize(bytes) as { pack: Pack; segment: unknown };
const segment = reviveSegment(stored.segment);
if (!segment) throw new Error('the stored index did not revive');
// The pack's fingerprint is stored with it at import (lib/db/packs.ts), so opening does not hash it.
rememberFingerprint(stored.pack, segment.fingerprint);
const read = performance.now() - started;
started = performance.now();
// As the panel makes it (lib/state/panel/store.ts): the phrasebook is built after the first list, not before.
const engine = new SuggestEngine({ phrasebookOnFirstUse: false });
const [used] = engine.setPacks([stored.pack], [segment]);
if (used !== segment) throw new Error('the cached index was not used');
const load = performance.now() - started;
started = performance.now();
engine.suggest({ text: firstText, now: BENCH_DATE });
const firstQuery = performance.now() - started;
/** A stepped computation run to its end as the panel runs it, a slice per task: its total and its longest slice. */
function timedSlices(steps: Generator<void, unknown, void>): { total: number; longest: number } {
  let total = 0;
  let longest = 0;
  for (let done = false; !done;) {
    const started = performance.now();
    done = steps.next().done === true;
    const slice = performance.now() - started;
    total += slice;
    longest = Math.max(longest, slice);
  }
  return { total, longest };
}
// The phrasebook's index, then its translation model (fitted once per page).
const { total: phrasebook, longest: phrasebookSlice } = timedSlices(engine.phrasebookSteps());
const { total: translation, longest: translationSlice } = timedSlices(engine.translationSteps());
started = performance.now();
engine.suggest({ text: secondText, now: BENCH_DATE });
const secondQuery = performance.now() - started;
console.log(
  JSON.stringify({ read, load, firstQuery, phrasebook, phrasebookSlice, translation, translationSlice, secondQuery }),
);
