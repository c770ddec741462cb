/**
 * Place names as a class: "do you ship to Norway?" should find the entry whose questions ask about
 * shipping to Mexico or Japan. A country or large city in a text adds the term `#place` beside its own
 * words, so an entry that names some places matches a message that names others, while an entry naming
 * the same place still matches better. Names come from `places.data.ts` (generated, English).
 */
import { PLACE_NAMES } from './places.data';

export const PLACE_TERM = '#place';

/** Names by their first word, longest first (so "new york city" wins over "new york"). */
const byFirstWord = new Map<string, string[]>();
for (const name of PLACE_NAMES) {
  const first = name.split(' ', 1)[0]!;
  const list = byFirstWord.get(first);
  if (list) list.push(name);
  else byFirstWord.set(first, [name]);
}
for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);

/** Whether some place name begins with this word (the tokenizer caches it per word). */
export function mayStartPlace(word: string): boolean {
  return byFirstWord.has(word) || (/[^a-z]/.test(word) && byFirstWord.has(withoutAccents(word)));
}

/**
 * The end of the place name that starts at `start` in normalised `text`, whose first word is `word`,
 * or -1. A name must end at a word boundary ("georgian" is not Georgia).
 */
export function placeNameEnd(text: string, start: number, word: string): number {
  const end = matchAt(text, start, byFirstWord.get(word));
  if (end > 0 || !/[^a-z]/.test(word)) return end;
  // São Paulo, Zürich: compare without accents (folding precomposed letters keeps the length).
  const folded = matchAt(
    withoutAccents(text.slice(start, start + MAX_NAME_LENGTH + 1)),
    0,
    byFirstWord.get(withoutAccents(word)),
  );
  return folded > 0 ? start + folded : -1;
}

function matchAt(text: string, start: number, names: string[] | undefined): number {
  for (const name of names ?? []) {
    if (!text.startsWith(name, start)) continue;
    const end = start + name.length;
    if (end === text.length || !LATIN_LETTER.test(text[end]!)) return end;
  }
  return -1;
}

const LATIN_LETTER = /[\p{Script=Latin}\p{M}]/u;

const MAX_NAME_LENGTH = Math.max(...PLACE_NAMES.map((name) => name.length));

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
