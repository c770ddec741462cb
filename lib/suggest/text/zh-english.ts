/**
 * English words in a Chinese message, read through CC-CEDICT (table: zh-english.data.ts, made by
 * scripts/gen-zh-english.ts). The hand-written glossary (`rank/mixed-english.ts`) reads the English words Chinese
 * shoppers mix in most ("这个headphone支持ANC吗"); for any other ("box压坏了", "password忘了", "能开vat吗")
 * `chineseWordsOf(term)` gives the two-character Chinese words the dictionary translates it with. The caller keeps
 * only those some entry holds, which is what keeps a general dictionary from adding noise.
 */
import { ZH_ENGLISH } from './zh-english.data';

const NONE: readonly string[] = [];

// The table is searched as a string, like the WordNet bridge's: a map of all its lines would cost its build on the
// panel's first suggestion, a search a fraction of a millisecond.
/** Chinese words of each looked-up word, bounded: a long-lived panel reads endless messages. */
const looked = new Map<string, readonly string[]>();

/** The Chinese words CC-CEDICT translates a stemmed English word with (none when it has no such sense). */
export function chineseWordsOf(term: string): readonly string[] {
  let words = looked.get(term);
  if (words) return words;
  // Every line of the table starts and ends with a line break.
  const at = ZH_ENGLISH.indexOf(`\n${term} `);
  words = at < 0 ? NONE : ZH_ENGLISH.slice(at + term.length + 2, ZH_ENGLISH.indexOf('\n', at + 1)).split(' ');
  if (looked.size >= 5_000) looked.clear();
  looked.set(term, words);
  return words;
}
