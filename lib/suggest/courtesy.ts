/** Detects messages that carry no request: greetings, thanks, acknowledgements, emoji. */
import { normalizeText } from './normalize';
import { CHINESE_STOPWORDS, COURTESY_TERMS, ENGLISH_STOPWORDS } from './stopwords';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** True when every word of the message is a greeting, thanks, acknowledgement or function word. */
export function isCourtesyOnly(text: string): boolean {
  const normalized = normalizeText(text);
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (!isWordLike) continue;
    const word = segment.replace(/['’]/g, '');
    if (/^\d+$/.test(word)) return false;
    if (COURTESY_TERMS.has(word) || ENGLISH_STOPWORDS.has(word) || CHINESE_STOPWORDS.has(word)) continue;
    // Repeated or stretched courtesy: 嗯嗯嗯, 好滴好滴, okkk, thanksss.
    if (/^(.)\1+$/u.test(word) && COURTESY_TERMS.has(word.charAt(0))) continue;
    if (COURTESY_TERMS.has(word.replace(/(.)\1+$/u, '$1'))) continue;
    return false;
  }
  return true;
}
