/**
 * The English WordNet bridge at run time (table: en-bridge.data.ts, made by scripts/gen-en-bridge.ts from
 * WordNet 3.1). A buyer's word that no loaded pack uses ("shattered", "reimburse", "parcel") may still
 * mean a word a pack does use: `bridgeOf(term)` gives the index terms WordNet relates to it in its
 * frequent senses — near ones (synonyms, derived forms), broader ones (direct hypernyms) and the words
 * WordNet defines it with ("undo: cancel, annul, or reverse an action"). The caller
 * keeps only those some entry holds, which is what keeps a general table from adding noise.
 */
import { lineTable } from './line-table';
import { wordTables } from './word-tables';

export interface Bridge {
  near: string[];
  broader: string[];
  /** Words of the gloss of its first sense ("undo" → cancel, revers, action, effect). */
  defining: string[];
}

const NONE: Bridge = { near: [], broader: [], defining: [] };

/** The table's line of a stemmed word, without the word: `near …|broader …|defining …`, '' when it has no links. */
const lineOf = lineTable(() => wordTables().enBridge);

/** Whether a stemmed word is a common English word (SemCor-tagged, see scripts/gen-en-bridge.ts). */
export function isEnglishWord(term: string): boolean {
  return lineOf(term) !== null;
}

/** WordNet's related index terms of a stemmed English word (empty lists when it has none). */
export function bridgeOf(term: string): Bridge {
  const line = lineOf(term);
  if (!line) return NONE;
  const [near = '', broader = '', defining = ''] = line.split('|');
  const list = (part: string) => (part ? part.split(' ') : []);
  return { near: list(near), broader: list(broader), defining: list(defining) };
}
