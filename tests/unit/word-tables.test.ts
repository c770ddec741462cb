import { describe, expect, it, vi } from 'vitest';
import { EN_BRIDGE } from '../../lib/suggest/text/en-bridge.data';
import { EN_WORDS } from '../../lib/suggest/text/en-words.data';
import { loadWordTables, wordTables } from '../../lib/suggest/text/word-tables';
import { ZH_ENGLISH } from '../../lib/suggest/text/zh-english.data';

describe('the word tables of English reading, loaded apart', () => {
  it('are the generated tables, loaded once', async () => {
    // tests/setup.ts loaded them, as the CLI and the panel do.
    const tables = wordTables();
    expect(tables.enWords).toBe(EN_WORDS);
    expect(tables.enBridge).toBe(EN_BRIDGE);
    expect(tables.zhEnglish).toBe(ZH_ENGLISH);
    await expect(loadWordTables()).resolves.toBe(tables);
  });

  it('reading English before they are loaded throws instead of reading without them', async () => {
    vi.resetModules();
    try {
      const spelling = await import('../../lib/suggest/text/spelling');
      const bridge = await import('../../lib/suggest/text/en-bridge');
      const tables = await import('../../lib/suggest/text/word-tables');
      expect(() => spelling.frequencyClass('broken')).toThrow(/loadWordTables/);
      expect(() => bridge.isEnglishWord('broken')).toThrow(/loadWordTables/);
      await tables.loadWordTables();
      expect(spelling.frequencyClass('broken')).toBeGreaterThan(0);
      expect(bridge.bridgeOf('shatter').near.length + bridge.bridgeOf('shatter').broader.length).toBeGreaterThan(0);
    } finally {
      vi.resetModules();
    }
  });

  it('the background has them from its first event, without loading chunks', async () => {
    vi.resetModules();
    try {
      const tables = await import('../../lib/suggest/text/word-tables');
      expect(() => tables.wordTables()).toThrow(/loadWordTables/);
      await import('../../lib/background/service');
      expect(tables.wordTables().enBridge).toBe(EN_BRIDGE);
    } finally {
      vi.resetModules();
    }
  });
});
