import type { ErrorSlice, OptionsSlice } from './types';

export const createErrorSlice: OptionsSlice<ErrorSlice> = () => (set) => ({
  error: null,
  async guard(work) {
    try {
      set({ error: null });
      // Called before any await: permissions.request inside `work` still runs within the click.
      await work();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  fail(message) {
    set({ error: message });
  },
});
