/**
 * The small-talk model itself (`small-talk.ts` says when the engine asks it): a linear model over a message's
 * characters, character pairs and words, fitted by `scripts/train-small-talk.ts`. Apart from the engine's guards so
 * that the phrase rules (`focus.ts`) can ask it too without an import cycle.
 */
import { SMALL_TALK_WEIGHTS } from './small-talk.data';

/** The model's features of a message already normalised (`normalizeText`), as the training script computes them. */
export function smallTalkFeatures(normalized: string): string[] {
  const features = new Set<string>(['bias']);
  for (const [run] of normalized.matchAll(/\p{Script=Han}+/gu)) {
    const chars = [...run];
    chars.forEach((char, i) => {
      features.add(`c:${char}`);
      if (i + 1 < chars.length) features.add(`b:${char}${chars[i + 1]}`);
    });
  }
  const words = normalized.match(/[a-z']+|\d+/g) ?? [];
  words.forEach((word, i) => {
    features.add(`w:${/^\d+$/.test(word) ? '#' : word}`);
    if (i + 1 < words.length) features.add(`wb:${word}_${words[i + 1]}`);
  });
  const length = [...normalized].length;
  features.add(`len:${length < 6 ? 0 : length < 12 ? 1 : length < 25 ? 2 : length < 50 ? 3 : 4}`);
  if (/[?？]/u.test(normalized)) features.add('q');
  if (/\d{4,}/u.test(normalized)) features.add('num');
  return [...features];
}

/** Probability (0…1) that a message, normalised, needs no answer, under `weights` (the shipped ones by default). */
export function smallTalkProbability(
  normalized: string,
  weights: Readonly<Record<string, number>> = SMALL_TALK_WEIGHTS,
): number {
  let z = 0;
  for (const feature of smallTalkFeatures(normalized)) z += weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-z));
}
