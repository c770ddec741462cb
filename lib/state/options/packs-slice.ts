import type { OptionsSlice, PacksSlice } from './types';

export const createPacksSlice: OptionsSlice<PacksSlice> = (services) => (set, get) => ({
  packs: [],
  async reloadPacks() {
    await services.listPacks().then(
      (packs) => set({ packs }),
      (e: Error) => get().fail(e.message),
    );
  },
  setPackEnabled: (id, enabled) => get().guard(async () => set({ packs: await services.setPackEnabled(id, enabled) })),
  removePack: (id) => get().guard(async () => set({ packs: await services.removePack(id) })),
});
