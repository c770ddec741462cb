import { EntrySearch } from '../../suggest/search';
import type { PacksSlice, PanelSlice } from './types';

export const createPacksSlice: PanelSlice<PacksSlice> = (context) => (set, get) => ({
  packs: [],
  packsError: null,
  loadingPacks: false,
  async reloadPacks() {
    set({ loadingPacks: true });
    try {
      const { packs, segments } = await context.services.loadPacks();
      context.engine.setPacks(packs, segments);
      context.search = new EntrySearch(packs);
      set({ packs, packsError: null, loadingPacks: false });
    } catch (error) {
      // Keep what was loaded before: a failed reload must not empty the panel.
      set({ packsError: `Could not load the knowledge packs: ${(error as Error).message}`, loadingPacks: false });
    }
    get().recompute();
  },
});
