import { describe, expect, it, vi } from 'vitest';
import { PHRASEBOOK_DATA } from '../../lib/suggest/rank/phrasebook.data';
import { loadShippedPhrasebook, shippedPhrasebook } from '../../lib/suggest/rank/shipped-phrasebook';
import { miniStore, pack } from '../helpers/packs';

describe('the shipped phrasebook, loaded apart', () => {
  it('is the generated data, loaded once', async () => {
    // tests/setup.ts loaded it, as the CLI and the panel do.
    expect(shippedPhrasebook()).toBe(PHRASEBOOK_DATA);
    await expect(loadShippedPhrasebook()).resolves.toBe(PHRASEBOOK_DATA);
  });

  it('an engine that would build it on first use says it is missing instead of ranking without it', async () => {
    vi.resetModules();
    try {
      const { SuggestEngine } = await import('../../lib/suggest/engine');
      const shipped = await import('../../lib/suggest/rank/shipped-phrasebook');
      const text = '什么时候发货，能开发票吗';
      const engine = new SuggestEngine();
      engine.setPacks([pack(miniStore)]);
      expect(() => engine.suggest({ text })).toThrow(/loadShippedPhrasebook/);
      // The panel's engine waits for it instead: its first list is ranked without the phrasebook.
      const panel = new SuggestEngine({ phrasebookOnFirstUse: false });
      panel.setPacks([pack(miniStore)]);
      expect(panel.suggest({ text }).suggestions.length).toBeGreaterThan(0);
      expect(panel.preparePhrasebook()).toBe(false);
      await shipped.loadShippedPhrasebook();
      expect(engine.suggest({ text }).suggestions.length).toBeGreaterThan(0);
      expect(panel.preparePhrasebook()).toBe(true);
    } finally {
      vi.resetModules();
    }
  });
});
