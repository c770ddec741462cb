/**
 * English words in a Chinese message, read through CC-CEDICT (table: zh-english.data.ts, made by
 * scripts/gen-zh-english.ts). The hand-written glossary (`rank/mixed-english.ts`) reads the English words Chinese
 * shoppers mix in most ("这个headphone支持ANC吗"); for any other ("box压坏了", "password忘了", "能开vat吗")
 * `chineseWordsOf(term)` gives the two-character Chinese words the dictionary translates it with. The caller keeps
 * only those some entry holds, which is what keeps a general dictionary from adding noise.
 */
import { lineTable } from './line-table';
import { wordTables } from './word-tables';

const NONE: readonly string[] = [];
const lineOf = lineTable(() => wordTables().zhEnglish);

/** The Chinese words CC-CEDICT translates a stemmed English word with (none when it has no such sense). */
export function chineseWordsOf(term: string): readonly string[] {
  const line = lineOf(term);
  return line ? line.split(' ') : NONE;
}
