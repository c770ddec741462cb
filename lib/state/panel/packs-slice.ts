import { message } from '../../i18n/translate';
import { finishInTasks, nextTask } from '../../steps';
import { loadShippedPhrasebook } from '../../suggest/rank/shipped-phrasebook';
import { EntrySearch } from '../../suggest/search';
import { loadWordTables } from '../../suggest/text/word-tables';
import { prepareLandings } from './landings';
import type { PacksSlice, PanelSlice } from './types';

export const createPacksSlice: PanelSlice<PacksSlice> = (context) => (set, get) => ({
  packs: [],
  packsError: null,
  loadingPacks: false,
  async reloadPacks() {
    set({ loadingPacks: true });
    try {
      // The picks with the packs; the learner is rebuilt (without picks of entries now gone) once the list is drawn.
      // The word tables too (text/word-tables.ts): a script chunk of their own, fetched while IndexedDB reads.
      const [{ packs, segments }, records] = await Promise.all([
        context.services.loadPacks(),
        context.services.loadPicks?.().catch(() => null),
        loadWordTables(),
      ]);
      context.engine.setPacks(packs, segments);
      context.picks = {
        records: records ?? context.picks.learner?.memory.toRecords() ?? context.picks.records,
        learner: null,
      };
      context.search = new EntrySearch(packs);
      set({ packs, packsError: null, loadingPacks: false });
    } catch (error) {
      // Keep what was loaded before: a failed reload must not empty the panel.
      set({ packsError: message('panel.packsError', { error: (error as Error).message }), loadingPacks: false });
    }
    get().recompute();
    await get().buildLearner();
    // The buyer phrasebook (lib/suggest/rank/phrasebook.ts, ~0.2–0.5 s to build the first time) and its translation model
    // (rank/translation.ts, ~1.5–2 s to fit in Node, once a page, in slices of at most a few tens of ms): the list above was
    // drawn without them; each slice runs in a task of its own after that, so the page paints and takes keys in
    // between, and the list is ranked again after each (a no-op once built). Both only re-order; if one fails, the
    // list stands as ranked.
    const prepares = [
      // The agent's search index first (in slices of entries): typing in the search box is the likeliest next thing the
      // agent does, and the first list did not wait for it. It changes no list.
      async () => (await finishInTasks(context.search.prepareSteps(), nextTask), false),
      // The shipped phrasebook's data is a chunk of its own (rank/shipped-phrasebook.ts), fetched now, not before; its
      // index is built in slices too (one task was 0.75–0.9 s).
      async () => (await loadShippedPhrasebook(), finishInTasks(context.engine.phrasebookSteps(), nextTask)),
      () => finishInTasks(context.engine.translationSteps(), nextTask),
      // Then that model adapted to the team's picks (`SuggestEngine.learnedPickSteps`), 100 picks a slice.
      () => finishInTasks(context.engine.learnedPickSteps(), nextTask),
    ];
    for (const prepare of prepares) {
      try {
        if (await prepare()) get().recompute();
      } catch {
        // Without it the list stands as the engine ranked it.
      }
    }
    // Last, what only makes later messages faster: where each phrasebook intent lands in these packs (0.7 s for the
    // Tmall pack, ~2 s at 10,000 entries, in slices); not awaited, as it never changes the list.
    if (context.landings === 'waiting') context.landings = 'idle';
    void prepareLandings(context);
  },
});
