import type { ImportResult } from '../../packs/types';
import { reportOf } from './import-report';
import type { ImportSlice, OptionsSlice } from './types';

export const createImportSlice: OptionsSlice<ImportSlice> = (services) => (set, get) => {
  /** A file import and a subscription end the same way: the report, and the table when it worked. */
  const importing = (name: string, run: () => Promise<ImportResult>) =>
    get().guard(async () => {
      set({ busy: true });
      try {
        const result = await run();
        set({ report: reportOf(name, result) });
        if (result.ok) set({ packs: await services.listPacks() });
      } finally {
        set({ busy: false });
      }
    });

  return {
    busy: false,
    report: null,
    lastUrl: '',
    importFile: (file) =>
      importing(file.name, async () => services.importFile(file.name, new Uint8Array(await file.arrayBuffer()))),
    subscribe(url, replace = false) {
      set({ lastUrl: url });
      return importing(url || '(no address)', () =>
        replace ? services.subscribePack(url, true) : services.subscribePack(url),
      );
    },
    allowSubscribeAccess: (origin) =>
      get().guard(async () => {
        // permissions.request must be the first thing the click does (no await before it), or the browser refuses.
        if (await services.requestAccess(origin)) void get().subscribe(get().lastUrl);
        else get().fail(`Access to ${origin} was not granted: the pack cannot be fetched from there.`);
      }),
  };
};
