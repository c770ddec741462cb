/**
 * A message typed all in pinyin, the input method off ("wo xiang zhuan ren gong", "kuaidi neng fa shunfeng ma"):
 * read as the Chinese words of the loaded packs it spells. Latin words inside Chinese text ("能开fapiao吗") are
 * read in `queryTerms`; a message with no Chinese at all is otherwise read as English and matches nothing.
 */
import { pinyinSyllables } from '../text/pinyin-syllables';
import { isChineseLocale } from '../../packs/locale';
import type { Corpus } from './corpus';

/** Fewer syllables than this are as likely English ("a man", "ok") as pinyin. */
const LEAST_SYLLABLES = 3;

/**
 * The Chinese words (bigrams of the packs' vocabulary) a pinyin-only message spells, each pair of neighbouring
 * syllables read as the most used bigram that sounds so, joined by commas; null when the message is not pinyin
 * throughout, no loaded pack is Chinese, or no pair spells a word of the packs.
 */
export function readPinyinMessage(corpus: Corpus, normalized: string): string | null {
  if (/[^a-z\s\p{P}\p{S}]/u.test(normalized)) return null;
  if (!corpus.loaded().some(({ pack }) => isChineseLocale(pack.locale))) return null;
  const syllables: string[] = [];
  for (const word of normalized.match(/[a-z]+/g) ?? []) {
    const spelled = pinyinSyllables(word);
    if (!spelled) return null;
    syllables.push(...spelled);
  }
  if (syllables.length < LEAST_SYLLABLES) return null;
  const words: string[] = [];
  for (let i = 0; i + 1 < syllables.length; i += 1) {
    let best: string | null = null;
    let bestFrequency = 0;
    for (const bigram of corpus.spelledAs(syllables[i]! + syllables[i + 1]!)) {
      const frequency = corpus.documentFrequency(bigram);
      if (frequency > bestFrequency) [best, bestFrequency] = [bigram, frequency];
    }
    if (best) words.push(best);
  }
  return words.length > 0 ? words.join('，') : null;
}
