/**
 * Fits the speller's slip costs (`SLIP_COST` in lib/suggest/text/spelling.ts) on cspell's list of common English
 * misspellings (`@cspell/dict-en-common-misspellings`, CC BY-SA 4.0, a dev dependency read here only: nothing of it is
 * shipped). Each misspelling of 5+ letters that the speller does not know, one edit from a single dictionary word,
 * is a case; the costs are fitted on every other case (coordinate search over whole classes) and the rest report how
 * often the right word comes first, by frequency alone, with the fitted costs, and with the shipped costs.
 * `npm run fit:slips`; the shipped costs are changed by hand from what it prints.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { candidatesOf, correctionOf, frequencyClass, SLIP_COST, slipOf, type Slip } from '../lib/suggest/text/spelling';
import { loadWordTables } from '../lib/suggest/text/word-tables';

await loadWordTables();

interface CspellDictionary {
  dictionaryDefinitions: Array<{ flagWords?: string[]; suggestWords?: string[] }>;
}
// The package exports only its cspell settings; the list sits beside them.
const settings = createRequire(import.meta.url).resolve('@cspell/dict-en-common-misspellings/cspell-ext.json');
const file = join(dirname(settings), 'dict/dict-en.json');
const dictionary = JSON.parse(readFileSync(file, 'utf8')) as CspellDictionary;
const noPacks = { usesWord: () => false };

/** Per case: the candidates with their frequency class and the slip each would be, and the right word. */
const cases: Array<{ right: string; candidates: Array<[word: string, frequency: number, slip: Slip]> }> = [];
for (const definition of dictionary.dictionaryDefinitions) {
  for (const line of [...(definition.flagWords ?? []), ...(definition.suggestWords ?? [])]) {
    const [typo = '', fixes = ''] = line.split('->');
    const right = fixes.split(',').map((word) => word.trim());
    if (right.length !== 1 || !/^[a-z]{5,}$/.test(typo) || !/^[a-z]+$/.test(right[0]!)) continue;
    // The speller knows the word, or the right word is not one edit from it in the dictionary.
    if (correctionOf(typo, noPacks) === null || !candidatesOf(typo).includes(right[0]!)) continue;
    cases.push({
      right: right[0]!,
      // In the table's order: `candidatesOf` already ranks by the shipped costs, which would break the ties here.
      candidates: [...candidatesOf(typo)].sort().map((word) => [word, frequencyClass(word), slipOf(typo, word)]),
    });
  }
}

const SLIPS = Object.keys(SLIP_COST) as Slip[];
const accuracy = (cost: Readonly<Record<Slip, number>>, part: typeof cases): number => {
  let right = 0;
  for (const { right: word, candidates } of part) {
    let best = '';
    let bestValue = -Infinity;
    for (const [candidate, frequency, slip] of candidates) {
      const value = frequency - cost[slip];
      if (value > bestValue) [best, bestValue] = [candidate, value];
    }
    if (best === word) right += 1;
  }
  return right / part.length;
};

const fit = cases.filter((_, i) => i % 2 === 0);
const check = cases.filter((_, i) => i % 2 === 1);
const none = Object.fromEntries(SLIPS.map((slip) => [slip, 0])) as Record<Slip, number>;
const fitted = { ...none };
for (let pass = 0; pass < 3; pass += 1) {
  for (const slip of SLIPS) {
    let best = fitted[slip];
    let bestAccuracy = -1;
    for (let cost = 0; cost <= 10; cost += 1) {
      fitted[slip] = cost;
      const value = accuracy(fitted, fit);
      if (value > bestAccuracy + 1e-9) [best, bestAccuracy] = [cost, value];
    }
    fitted[slip] = best;
  }
}
const tally = new Map<Slip, number>();
for (const { right, candidates } of cases) {
  const slip = candidates.find(([word]) => word === right)![2];
  tally.set(slip, (tally.get(slip) ?? 0) + 1);
}
console.log(`${cases.length} misspellings (${fit.length} fitted on, ${check.length} reported)`);
console.log('by slip:', Object.fromEntries(tally));
console.log('fitted costs:', fitted);
console.log(`right word first, reported half: frequency alone ${accuracy(none, check).toFixed(4)}`);
console.log(
  `  fitted costs ${accuracy(fitted, check).toFixed(4)}, shipped costs ${accuracy(SLIP_COST, check).toFixed(4)}`,
);
