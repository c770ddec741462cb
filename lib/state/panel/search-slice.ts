import type { PanelSlice, SearchSlice } from './types';

export const createSearchSlice: PanelSlice<SearchSlice> = () => (set, get) => ({
  query: '',
  setQuery(query) {
    set({ query });
    get().recompute();
  },
});
