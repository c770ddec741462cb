/**
 * Settings reads that never answer older than a write. A page reads the settings at start and again when
 * packs change or a timer ticks; while the worker is busy (seeding packs at install) such a read can answer
 * after a save the agent made meanwhile, and would put the old value back on screen (the language the
 * agent just chose, a wait threshold just saved). Wrapped here once for both pages: a read during which a
 * save ran, or a broadcast of another page's save arrived (through the wrapped `onSettingsChanged`, which
 * the page's store listens to), is asked again.
 */
import type { Settings } from '../settings';

export interface SettingsAccess {
  getSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Settings>): Promise<Settings>;
  /** The background's broadcast after any page saved; returns the unsubscribe. */
  onSettingsChanged?(listener: (settings: Settings) => void): () => void;
}

/** Beyond this many overlapped reads in a row (saves without pause), the last answer is taken as it is. */
const MAX_READS = 4;

export function orderSettingsReads<S extends SettingsAccess>(services: S): S {
  // Bumped when a save starts and when it ends, and on each broadcast: a read that saw it change overlapped one.
  let writes = 0;
  const onSettingsChanged = services.onSettingsChanged;
  return {
    ...services,
    async getSettings() {
      let settings: Settings;
      let reads = 0;
      for (;;) {
        const before = writes;
        settings = await services.getSettings();
        reads += 1;
        if (writes === before || reads >= MAX_READS) return settings;
      }
    },
    async saveSettings(patch) {
      writes += 1;
      try {
        return await services.saveSettings(patch);
      } finally {
        writes += 1;
      }
    },
    ...(onSettingsChanged && {
      onSettingsChanged: (listener: (settings: Settings) => void) =>
        onSettingsChanged((settings) => {
          writes += 1;
          listener(settings);
        }),
    }),
  };
}
