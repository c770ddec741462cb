import { message, type Text } from '../../i18n/translate';
import { isReview, type ImportOutcome } from '../../packs/types';
import { reportOf } from './import-report';
import type { ImportSlice, OptionsSlice } from './types';

export const createImportSlice: OptionsSlice<ImportSlice> = (services) => (set, get) => {
  /** What "Apply" stores for the review on screen (kept out of the state: it holds the file's bytes). */
  let apply: (() => Promise<ImportOutcome>) | null = null;

  /**
   * A file import, a subscription and an applied review end the same way: the report, and the table when
   * it worked; an import that would replace a stored pack opens its review instead.
   */
  const importing = (name: Text, run: () => Promise<ImportOutcome>, onReview?: () => Promise<ImportOutcome>) =>
    get().guard(async () => {
      set({ busy: true });
      try {
        const result = await run();
        if (isReview(result)) {
          if (onReview) apply = onReview;
          set({ review: result.review, report: null });
          return;
        }
        set({ report: reportOf(name, result) });
        if (result.ok) await get().showPacks(() => services.listPacks());
      } finally {
        set({ busy: false });
      }
    });

  return {
    busy: false,
    report: null,
    review: null,
    lastUrl: '',
    lastPublicKey: '',
    importFile: (file) =>
      importing(file.name, async () => {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await services.importFile(file.name, bytes);
        if (isReview(result)) apply = () => services.importFile(file.name, bytes, true);
        return result;
      }),
    subscribe(url, { replace = false, publicKey = '' } = {}) {
      set({ lastUrl: url, lastPublicKey: publicKey });
      const options = { ...(replace ? { replace } : {}), ...(publicKey ? { publicKey } : {}) };
      return importing(url || message('import.noAddress'), () =>
        Object.keys(options).length > 0 ? services.subscribePack(url, options) : services.subscribePack(url),
      );
    },
    replaceSubscribed: () => get().subscribe(get().lastUrl, { replace: true, publicKey: get().lastPublicKey }),
    allowSubscribeAccess: (origin) =>
      get().guard(async () => {
        // permissions.request must be the first thing the click does (no await before it), or the browser refuses.
        if (await services.requestAccess(origin))
          void get().subscribe(get().lastUrl, { publicKey: get().lastPublicKey });
        else get().fail(message('import.accessRefused', { origin }));
      }),
    async applyReview() {
      const review = get().review;
      const run = apply;
      if (!review || !run) return;
      apply = null;
      set({ review: null });
      await importing(review.from, run);
    },
    cancelReview() {
      apply = null;
      set({ review: null });
    },
    reviewUpdate: (packId) =>
      importing(
        packId,
        () => services.reviewUpdate(packId),
        () => services.applyUpdate(packId),
      ),
  };
};
