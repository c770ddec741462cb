import { describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/settings';
import { orderSettingsReads } from '../../lib/state/settings-order';

const base: Settings = { scenarios: [], selectorOverrides: {}, learning: true };

/** A background whose answers the test releases by hand, in any order. */
function slowBackground() {
  let stored: Settings = base;
  const pending: Array<() => void> = [];
  let gets = 0;
  let broadcast: ((s: Settings) => void) | undefined;
  const later = <T>(answer: () => T) => new Promise<T>((resolve) => pending.push(() => resolve(answer())));
  return {
    services: {
      // A read answers with what was stored when it arrived, however late the answer comes back.
      getSettings: () => {
        gets += 1;
        const seen = stored;
        return later(() => seen);
      },
      saveSettings: (patch: Partial<Settings>) => {
        stored = { ...stored, ...patch };
        const saved = stored;
        return later(() => saved);
      },
      onSettingsChanged: (listener: (s: Settings) => void) => {
        broadcast = listener;
        return () => {};
      },
    },
    release: async (index = 0) => {
      pending.splice(index, 1)[0]?.();
      await new Promise((r) => setTimeout(r, 0));
    },
    releaseAll: async () => {
      while (pending.length > 0) {
        pending.shift()!();
        await new Promise((r) => setTimeout(r, 0));
      }
    },
    gets: () => gets,
    storeElsewhere: (patch: Partial<Settings>) => {
      stored = { ...stored, ...patch };
      broadcast?.(stored);
    },
  };
}

describe('settings reads ordered after writes', () => {
  it('asks once when nothing was saved meanwhile', async () => {
    const bg = slowBackground();
    const services = orderSettingsReads(bg.services);
    const read = services.getSettings();
    await bg.releaseAll();
    expect((await read).uiLanguage).toBeUndefined();
    expect(bg.gets()).toBe(1);
  });

  it('asks again when a save ran during the read, so the old value never comes back last', async () => {
    const bg = slowBackground();
    const services = orderSettingsReads(bg.services);
    const read = services.getSettings(); // arrives before the save: sees no language
    const save = services.saveSettings({ uiLanguage: 'en' });
    await bg.release(1); // the save answers first
    expect((await save).uiLanguage).toBe('en');
    await bg.releaseAll(); // then the stale read, then its second ask
    expect((await read).uiLanguage).toBe('en');
    expect(bg.gets()).toBe(2);
  });

  it('asks again when another page’s save was broadcast during the read', async () => {
    const bg = slowBackground();
    const services = orderSettingsReads(bg.services);
    const heard: Array<string | undefined> = [];
    services.onSettingsChanged!((s) => heard.push(s.uiLanguage));
    const read = services.getSettings();
    bg.storeElsewhere({ uiLanguage: 'zh-CN' });
    await bg.releaseAll();
    expect((await read).uiLanguage).toBe('zh-CN');
    expect(heard).toEqual(['zh-CN']);
  });

  it('gives up asking again after a few overlapped reads', async () => {
    const bg = slowBackground();
    const services = orderSettingsReads(bg.services);
    services.onSettingsChanged!(() => {});
    const read = services.getSettings();
    for (let i = 0; i < 10; i++) {
      bg.storeElsewhere({ waitAmberSeconds: i });
      await bg.release();
    }
    await bg.releaseAll();
    await read;
    expect(bg.gets()).toBe(4);
  });
});
