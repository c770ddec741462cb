/**
 * A learned second opinion on small talk: how likely a buyer's message needs no answer from the pack ("hello?? chat
 * went quiet", "今年双十一我已经剁手剁麻了", "can't stop smiling"). The phrase rules (`text/courtesy.ts`, `focus.ts`)
 * catch the formulas they name and carry little beyond them: rules written on half of the fourth small-talk set
 * moved the other half by +0.1 (zh) and +1.0 (en) points. A linear model over the message's characters, character
 * pairs and words generalises further: fitted on the tuning sets by `scripts/train-small-talk.ts` (weights in
 * `small-talk.data.ts`), judged on packs and small talk it was not fitted on (the script prints it).
 *
 * It only silences a message that asks nothing (no question mark, interrogative or request: `asksAnything`), holds no
 * word of the shop's concept lexicon (`conceptTermsIn`), and that the engine could not answer with confidence
 * (`SMALL_TALK.maxScore`): "人工客服在吗", "瓶子碎了" or "help me contact somebody" stay answerable however chatty
 * they look. Each guard was chosen on the tuning sets, the model's packs and small talk left out (see the script).
 */
import { conceptTermsIn } from '../text/concepts';
import { isEnglishWord } from '../text/en-bridge';
import { normalizeText } from '../text/normalize';
import { stem } from '../text/stem';
import { SMALL_TALK_WEIGHTS } from './small-talk.data';
import { asksAnything } from './focus';
import { smallTalkProbability } from './small-talk-model';

export const SMALL_TALK = {
  /** The model's probability from which a message counts as small talk. */
  probability: 0.95,
  /** Small talk only where the engine's best answer scores below this. */
  maxScore: 0.4,
} as const;

/**
 * Whether the buyer's text, as written, reads as small talk by the model, asks nothing and holds no word of the
 * shop's concept lexicon. The engine asks it only when its best answer scores below `SMALL_TALK.maxScore`.
 */
export function isSmallTalk(text: string, weights: Readonly<Record<string, number>> = SMALL_TALK_WEIGHTS): boolean {
  const normalized = normalizeText(text);
  return (
    readsLanguageOfModel(normalized, weights) &&
    smallTalkProbability(normalized, weights) > SMALL_TALK.probability &&
    conceptTermsIn(normalized).length === 0 &&
    !asksAnything(normalized)
  );
}

/**
 * Whether the model knows the message's words well enough to judge it: it was fitted on Chinese and English only, so
 * a message in another Latin-script language ("ich möchte meine bestellung stornieren") is left to the engine. Han
 * text always; Latin text when at least half its words (two or more) are common English words or words of the model.
 */
function readsLanguageOfModel(normalized: string, weights: Readonly<Record<string, number>>): boolean {
  const words = normalized.match(/\p{Script=Latin}+/gu) ?? [];
  if (words.length < 2) return true;
  const known = words.filter((word) => weights[`w:${word}`] !== undefined || isEnglishWord(stem(word))).length;
  return known * 2 >= words.length;
}
