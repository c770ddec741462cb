import { message } from '../../i18n/translate';
import type { OptionsSlice, SyncSlice } from './types';

export const createSyncSlice: OptionsSlice<SyncSlice> = (services) => (set, get) => ({
  syncing: [],
  syncPacks: (ids) =>
    get().guard(async () => {
      set({ syncing: [...get().syncing, ...ids] });
      try {
        await get().showPacks(() => services.syncPacks(ids));
      } finally {
        set({ syncing: get().syncing.filter((id) => !ids.includes(id)) });
      }
    }),
  setReviewUpdates: (id, review) => get().guard(() => get().showPacks(() => services.setReviewUpdates(id, review))),
  allowSyncAccess: (origin, id) =>
    get().guard(async () => {
      // permissions.request must be the first thing the click does (no await before it), or the browser refuses.
      if (await services.requestAccess(origin)) void get().syncPacks([id]);
      else get().fail(message('import.accessRefused', { origin }));
    }),
});
