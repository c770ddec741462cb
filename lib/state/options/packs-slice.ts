import type { OptionsSlice, PacksSlice } from './types';

export const createPacksSlice: OptionsSlice<PacksSlice> = (services) => (set, get) => {
  let asked = 0;
  let shown = 0;
  return {
    packs: [],
    async showPacks(request) {
      const order = ++asked;
      const packs = await request();
      if (order < shown) return;
      shown = order;
      set({ packs });
    },
    reloadPacks: () =>
      get()
        .showPacks(() => services.listPacks())
        .catch((e: Error) => get().fail(e.message)),
    setPackEnabled: (id, enabled) => get().guard(() => get().showPacks(() => services.setPackEnabled(id, enabled))),
    removePack: (id) => get().guard(() => get().showPacks(() => services.removePack(id))),
  };
};
