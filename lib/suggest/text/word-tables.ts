/**
 * The large word tables of English reading: the speller's dictionary (`en-words.data.ts`), the WordNet bridge
 * (`en-bridge.data.ts`) and CC-CEDICT's English → Chinese words (`zh-english.data.ts`) — 1.3 MB of the panel's script.
 * They are loaded apart: in the extension chunks of their own that the panel fetches while IndexedDB reads its packs,
 * instead of before the page can run (its first list waits for both). Node callers (the CLI, benches, scripts, tests)
 * load them before ranking; the background imports them with its script (`word-tables-bundled.ts`), as it redacts and
 * reads buyer messages from its first event. Reading a message before either throws, rather than read without them.
 */
export interface WordTables {
  /** The speller's dictionary, a line table (see `en-words.data.ts`). */
  enWords: string;
  /** Rarer words one edit from a dictionary word, as a Bloom filter. */
  enRareWords: { hashes: number; size: number; bits: string };
  enBridge: string;
  zhEnglish: string;
}

let tables: WordTables | null = null;

/** The loaded tables; throws until `loadWordTables` has resolved. */
export function wordTables(): WordTables {
  if (!tables) throw new Error('The word tables are not loaded: await loadWordTables() before reading messages.');
  return tables;
}

/**
 * Uses tables the caller imported itself (`word-tables-bundled.ts`): for a context that must read messages from its
 * first event, before a dynamic import could resolve — the background.
 */
export function useWordTables(given: WordTables): WordTables {
  return (tables ??= given);
}

/** Loads the tables (once; later calls resolve to the same object). */
export async function loadWordTables(): Promise<WordTables> {
  if (!tables) {
    const [words, bridge, chinese] = await Promise.all([
      import('./en-words.data'),
      import('./en-bridge.data'),
      import('./zh-english.data'),
    ]);
    return useWordTables({
      enWords: words.EN_WORDS,
      enRareWords: words.EN_RARE_WORDS,
      enBridge: bridge.EN_BRIDGE,
      zhEnglish: chinese.ZH_ENGLISH,
    });
  }
  return tables;
}
