/**
 * Fits the word re-ranker's weights (`lib/suggest/rank/word-rerank.ts`) and writes
 * `lib/suggest/rank/word-rerank.data.ts`. Run by `npm run gen:rerank` after any change to the engine's
 * ranking (the features read its scores).
 *
 * Data, per language: the TUNING sets only, each with its own packs — the shipped packs' sets (tests/eval/en,
 * tests/eval/zh, tests/eval/dev) and every fresh pack's dev set (tests/eval/fresh-dev). Never a held-out set. Model: pairwise logistic regression (the right entry against each other candidate of the
 * engine's first 20), full-batch gradient descent, L2 0.01. Before writing, it prints each pack's recall
 * with weights fitted on the OTHER packs only: the estimate of what a team's new pack gains.
 */
import { join } from 'node:path';
import { BENCH_DATE } from '../bench/metrics';
import type { Platform } from '../lib/packs/schema';
import { SuggestEngine } from '../lib/suggest/engine';
import { matchedTermKinds } from '../lib/suggest/rank/query-terms';
import { chineseWords, plainWords, WordIndex } from '../lib/suggest/index/word-index';
import {
  isWordRerankable,
  mayLeadByWords,
  type WordLanguage,
  WORD_RERANK_CANDIDATES,
  WORD_RERANK_FEATURES,
  wordRerankFeatures,
  wordRerankLeader,
} from '../lib/suggest/rank/word-rerank';
import { WORD_RERANK_WEIGHTS } from '../lib/suggest/rank/word-rerank.data';
import { fitPairwise, writeWeights } from './pairwise';
import { phrasebookWithout, readCases, root, tuningGroups, type Group } from './tuning-sets';

const OUT = join(root, 'lib/suggest/rank/word-rerank.data.ts');
const L2 = 0.01;
const STEPS = 300;
const RATE = 1;

/** A message the re-ranker sees: its candidates' features and which candidates are right. */
interface Sample {
  features: number[][];
  right: boolean[];
  /** As in the engine: an item's own entry never takes the lead from the words. */
  mayLead: boolean[];
}

function samplesOf(group: Group): Sample[] {
  return group.jobs.flatMap(({ packs, file }) => {
    // The engine's order as a new team's pack meets it: the buyer phrasebook without this team's own lines (with them,
    // the phrasebook would already have settled every tuning message the weights are fitted on).
    // The stage's input as the engine hands it over: after the phrasebook, before the translation re-ordering.
    const engine = new SuggestEngine({
      wordRerank: false,
      translation: false,
      phrasebook: phrasebookWithout(group.jobs.flatMap((job) => job.packs.map((p) => p.id))),
    });
    engine.setPacks(packs);
    const split = group.language === 'zh' ? chineseWords : plainWords;
    const indexes = new Map(packs.map((pack) => [pack.id, new WordIndex(pack.entries, split)]));
    const docNos = new Map(packs.map((pack) => [pack.id, new Map(pack.entries.map((entry, i) => [entry.id, i]))]));
    const entries = new Map(packs.map((pack) => [pack.id, new Map(pack.entries.map((entry) => [entry.id, entry]))]));
    return readCases(file).flatMap((c) => {
      if (c.expected.length === 0) return [];
      const { suggestions, reading = c.text } = engine.suggest(
        { text: c.text, platform: c.platform as Platform | undefined, now: BENCH_DATE },
        WORD_RERANK_CANDIDATES,
      );
      // As the engine does: only messages it reads this way, with two candidates or more, are re-ordered.
      if (!isWordRerankable(reading, group.language) || suggestions.length === 0)
        return [{ features: [], right: [], mayLead: [] }];
      const candidates = suggestions.map((s) => ({
        score: s.score,
        index: indexes.get(s.packId)!,
        docNo: docNos.get(s.packId)!.get(s.entryId)!,
        ...matchedTermKinds(s.matchedTerms),
      }));
      return [
        {
          // Read as the engine reads it (normalised, shorthand written out, told complaints named).
          features: wordRerankFeatures(reading, candidates),
          right: suggestions.map((s) => c.expected.includes(s.entryId)),
          mayLead: suggestions.map((s) => mayLeadByWords(entries.get(s.packId)!.get(s.entryId)!, s)),
        },
      ];
    });
  });
}

/** Differences (right − wrong) of every pair whose right candidate is the engine's best-placed right one. */
function pairsOf(samples: Sample[]): number[][] {
  const pairs: number[][] = [];
  for (const { features, right, mayLead } of samples) {
    const at = right.indexOf(true);
    if (at < 0) continue;
    features.forEach((x, i) => {
      if (!right[i] && (i === 0 || mayLead[i])) pairs.push(features[at]!.map((v, j) => v - x[j]!));
    });
  }
  return pairs;
}

function fit(samples: Sample[]): number[] {
  return fitPairwise(pairsOf(samples), WORD_RERANK_FEATURES.length, { l2: L2, steps: STEPS, rate: RATE });
}

/** Recall@1 and @3 over answerable messages (a silent engine misses). */
function recall(samples: Sample[], weights: number[] | null): [number, number] {
  let at1 = 0;
  let at3 = 0;
  for (const { features, right, mayLead } of samples) {
    const leader = weights && features.length > 1 ? wordRerankLeader(features, weights, (i) => mayLead[i]!) : 0;
    const order = [leader, ...right.map((_, i) => i).filter((i) => i !== leader)];
    if (right[order[0]!]) at1++;
    if (order.slice(0, 3).some((i) => right[i])) at3++;
  }
  return [at1 / samples.length, at3 / samples.length];
}

const groups = tuningGroups();
const samples = new Map(groups.map((g) => [g.name, samplesOf(g)]));
const f = (n: number) => n.toFixed(3);
const weightsOf = {} as Record<WordLanguage, number[]>;
for (const language of ['en', 'zh'] as const) {
  const own = groups.filter((g) => g.language === language);
  console.log(`${language}: each team's packs scored with weights fitted on the others only (recall@1 / recall@3):`);
  let before = 0;
  let after = 0;
  let total = 0;
  for (const group of own) {
    const mine = samples.get(group.name)!;
    const others = own.filter((g) => g !== group).flatMap((g) => samples.get(g.name)!);
    const [b1, b3] = recall(mine, null);
    const [a1, a3] = recall(mine, fit(others));
    console.log(
      `  ${group.name.padEnd(16)} ${String(mine.length).padStart(4)}  engine ${f(b1)} / ${f(b3)}  re-ranked ${f(a1)} / ${f(a3)}  (${((a1 - b1) * 100).toFixed(1)} points)`,
    );
    before += b1 * mine.length;
    after += a1 * mine.length;
    total += mine.length;
  }
  const all = own.flatMap((g) => samples.get(g.name)!);
  // What the weights now shipped give on the same samples (fitted on fewer teams, or on the engine as it was).
  const [shipped] = recall(all, [...WORD_RERANK_WEIGHTS[language]]);
  console.log(`  pooled r@1 ${f(before / total)} → ${f(after / total)} (shipped weights, in-sample: ${f(shipped!)})`);
  weightsOf[language] = fit(all);
  console.log(
    `  weights: ${WORD_RERANK_FEATURES.map((name, j) => `${name} ${weightsOf[language][j]!.toFixed(3)}`).join('; ')}`,
  );
}
writeWeights(
  OUT,
  {
    name: 'WORD_RERANK_WEIGHTS',
    features: 'WORD_RERANK_FEATURES (rank/word-rerank.ts)',
    by: 'scripts/train-word-rerank.ts (npm run gen:rerank)',
  },
  groups,
  weightsOf,
);
console.log(`wrote ${OUT}`);
