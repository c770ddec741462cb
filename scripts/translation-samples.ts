/**
 * The translation stage's training messages, shared by the generators that fit it (`train-translation.ts`: the blend;
 * `train-word-pairs.ts`: the learned word pairs) and by the bench (pairs fitted without the scored packs). For each
 * answerable tuning message of a team: the engine's candidates with the team left out of the phrasebook and of the
 * translation model, so no value comes from a model that saw the message; the run the stage re-orders (the leading
 * generic entries, at most `TRANSLATION.candidates`; a several-question message's first three apart), each
 * candidate's engine score, translation score and words.
 *
 * The generators work on the engine's output (`Suggestion`s), not its internal candidates, so the engine's guards are
 * mirrored here (as `train-word-rerank.ts` mirrors `mayLeadByWords`): if they change, change both.
 */
import { BENCH_DATE } from '../bench/metrics';
import type { Entry, Platform } from '../lib/packs/schema';
import { SuggestEngine } from '../lib/suggest/engine';
import { questionClauses } from '../lib/suggest/rank/focus';
import { QUESTION_PLACES } from '../lib/suggest/rank/rank';
import {
  buyerWordWeights,
  leadText,
  TRANSLATION,
  translationFeatures,
  translationModelOf,
  translationWords,
} from '../lib/suggest/rank/translation';
import { TRANSLATION_WEIGHTS } from '../lib/suggest/rank/translation.data';
import {
  EntryPairs,
  ID_PAIR_LANGUAGES,
  idWords,
  type PairSample,
  type WeightedWord,
  WordPairs,
} from '../lib/suggest/rank/word-pairs';
import { blendValue, type WordLanguage } from '../lib/suggest/rank/word-rerank';
import { groupsWithout, phrasebookWithout, readCases, type Group } from './tuning-sets';

export interface TranslationCandidate {
  score: number;
  translated: number;
  /** The distinct words of the entry's title and questions. */
  lead: ReadonlySet<string>;
  /** The entry's id. */
  id: string;
  right: boolean;
}

export interface TranslationSample {
  team: string;
  language: WordLanguage;
  /** The message's distinct words, each with how much the engine reads it. */
  buyer: WeightedWord[];
  /**
   * The re-ordered runs in order (one, or two for a several-question message). When the stage leaves the message
   * as it is (fewer than two movable candidates, no words), one run of all candidates, `fixed`.
   */
  parts: TranslationCandidate[][];
  fixed: boolean;
  /** Right candidates after the movable run (kept in place). */
  rest: boolean[];
}

export function translationSamples(group: Group): TranslationSample[] {
  const ids = group.jobs.flatMap((job) => job.packs.map((p) => p.id));
  const book = phrasebookWithout(ids);
  const model = translationModelOf(book[group.language], group.language);
  return group.jobs.flatMap(({ packs, file }) => {
    const engine = new SuggestEngine({ phrasebook: book, translation: false });
    engine.setPacks(packs);
    const entries = new Map<string, Entry>(
      packs.flatMap((p) => p.entries.map((e) => [`${p.id}\n${e.id}`, e] as const)),
    );
    const words = new Map<string, string[]>();
    const wordsOf = (key: string) => {
      let w = words.get(key);
      if (!w) {
        const e = entries.get(key)!;
        words.set(key, (w = translationWords(leadText(e.title, e.questions), group.language)));
      }
      return w;
    };
    return readCases(file).flatMap((c): TranslationSample[] => {
      if (c.expected.length === 0) return [];
      const { suggestions, reading = c.text } = engine.suggest(
        { text: c.text, platform: c.platform as Platform | undefined, now: BENCH_DATE },
        20,
      );
      // As the engine: the leading run of generic entries, at most `TRANSLATION.candidates`.
      let movable = 0;
      while (
        movable < Math.min(suggestions.length, TRANSLATION.candidates) &&
        !suggestions[movable]!.scenarioOff &&
        !entries.get(`${suggestions[movable]!.packId}\n${suggestions[movable]!.entryId}`)!.products?.length
      )
        movable++;
      const right = suggestions.map((s) => c.expected.includes(s.entryId));
      const buyer = translationWords(c.text, group.language);
      if (movable < 2 || buyer.length === 0)
        return [
          {
            team: group.name,
            language: group.language,
            buyer: [],
            parts: [
              suggestions.map((s, i) => ({
                score: s.score,
                translated: 0,
                lead: new Set(),
                id: s.entryId,
                right: right[i]!,
              })),
            ],
            fixed: true,
            rest: [],
          },
        ];
      const weightOf = buyerWordWeights(engine.wordTermsOf(reading), group.language);
      const partOf = (from: number, to: number): TranslationCandidate[] =>
        suggestions.slice(from, to).map((s, i) => {
          const lead = wordsOf(`${s.packId}\n${s.entryId}`);
          return {
            score: s.score,
            translated: model.score(buyer, lead, weightOf),
            lead: new Set(lead),
            id: s.entryId,
            right: right[from + i]!,
          };
        });
      const kept = questionClauses(reading).length > 1 ? QUESTION_PLACES : 0;
      const parts = kept
        ? [partOf(0, Math.min(kept, movable)), partOf(Math.min(kept, movable), movable)]
        : [partOf(0, movable)];
      return [
        {
          team: group.name,
          language: group.language,
          buyer: [...new Set(buyer)].map((word) => [word, weightOf(word)] as const),
          parts: parts.filter((p) => p.length),
          fixed: false,
          rest: right.slice(movable),
        },
      ];
    });
  });
}

/** The feature vectors of a run (`translationFeatures`); none for a fixed sample. */
export const runFeatures = (sample: TranslationSample, part: readonly TranslationCandidate[]): number[][] =>
  sample.fixed
    ? []
    : translationFeatures(
        part.map((c) => c.score),
        part.map((c) => c.translated),
      );

/** The samples as the word-pair trainer reads them: each candidate's blend value (shipped weights) and words. */
export function pairSamples(samples: readonly TranslationSample[]): PairSample[] {
  return samples
    .filter((s) => !s.fixed)
    .map((s) => ({
      team: s.team,
      buyer: s.buyer,
      parts: s.parts.map((part) =>
        runFeatures(s, part).map((x, i) => ({
          base: blendValue(x, TRANSLATION_WEIGHTS[s.language]),
          lead: part[i]!.lead,
          right: part[i]!.right,
        })),
      ),
    }));
}

const samplesByGroup = new Map<string, TranslationSample[]>();
/** `translationSamples`, read once per group in a process (the bench asks for pairs per scored set). */
export function cachedSamples(group: Group): TranslationSample[] {
  let samples = samplesByGroup.get(group.name);
  if (!samples) samplesByGroup.set(group.name, (samples = translationSamples(group)));
  return samples;
}

/**
 * The samples for the pairs' second table: each candidate's words are its id's (`idWords`), its value the blend's
 * plus the first table's (the id pairs are fitted on top of the word pairs).
 */
export function idPairSamples(samples: readonly TranslationSample[], words: WordPairs): PairSample[] {
  const live = samples.filter((s) => !s.fixed);
  return pairSamples(live).map((sample, i) => ({
    ...sample,
    parts: sample.parts.map((part, j) =>
      part.map((c, k) => ({
        base: c.base + words.score(sample.buyer, c.lead),
        lead: new Set(idWords(live[i]!.parts[j]![k]!.id)),
        right: c.right,
      })),
    ),
  }));
}

/**
 * Both tables of a language fitted on these samples: the word pairs, then the id pairs on top (none for a language not
 * in `ID_PAIR_LANGUAGES`).
 */
export function fitEntryPairs(samples: readonly TranslationSample[], language: WordLanguage): EntryPairs {
  const words = WordPairs.train(pairSamples(samples));
  const ids = ID_PAIR_LANGUAGES.includes(language)
    ? WordPairs.train(idPairSamples(samples, words))
    : WordPairs.fromTable('');
  return new EntryPairs(words, ids);
}

const pairsWithout = new Map<string, Record<WordLanguage, EntryPairs>>();
/**
 * The word pairs a new team's packs would meet: fitted without the tuning sets of any group that uses one of them,
 * as `phrasebookWithout` builds the phrasebook (the bench scores every set with both).
 */
export function wordPairsWithout(packIds: readonly string[]): Record<WordLanguage, EntryPairs> {
  const kept = groupsWithout(packIds);
  const key = kept.map((g) => g.name).join('\n');
  let pairs = pairsWithout.get(key);
  if (!pairs) {
    // Each language fitted when first asked for (a set's engine reads one; a Chinese fit takes ~17 s).
    const fitted = new Map<WordLanguage, EntryPairs>();
    const fit = (language: WordLanguage) => {
      let one = fitted.get(language);
      if (!one) {
        one = fitEntryPairs(kept.filter((g) => g.language === language).flatMap(cachedSamples), language);
        fitted.set(language, one);
      }
      return one;
    };
    pairs = {
      get en() {
        return fit('en');
      },
      get zh() {
        return fit('zh');
      },
    };
    pairsWithout.set(key, pairs);
  }
  return pairs;
}
