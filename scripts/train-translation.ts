/**
 * Fits the blend of the translation re-ordering (`lib/suggest/rank/translation.ts`) and writes
 * `lib/suggest/rank/translation.data.ts`. Run by `npm run gen:translation` after a change to the engine's ranking or
 * to the phrasebook (the features read both).
 *
 * Data, per language: the tuning sets only (`scripts/tuning-sets.ts`), never a held-out set, read by
 * `translation-samples.ts` (each team's candidates from an engine, phrasebook and model without that team's lines).
 * Afterwards, refit the word pairs on top of the new blend (`npm run gen:pairs`). Model: pairwise logistic regression (the right entry
 * against each other candidate of the first ten), L2 0.01. Before writing, it prints each team's recall with the
 * blend fitted on the OTHER teams only: the estimate of what a new team's pack gains.
 */
import { join } from 'node:path';
import { TRANSLATION_FEATURES, translationOrder } from '../lib/suggest/rank/translation';
import { TRANSLATION_WEIGHTS } from '../lib/suggest/rank/translation.data';
import type { WordLanguage } from '../lib/suggest/rank/word-rerank';
import { fitPairwise, writeWeights } from './pairwise';
import { runFeatures, translationSamples } from './translation-samples';
import { root, tuningGroups, type Group } from './tuning-sets';

const OUT = join(root, 'lib/suggest/rank/translation.data.ts');

/** One re-ordered part of a message's candidates (a several-question message has two): features and which are right. */
interface Part {
  features: number[][];
  right: boolean[];
}

/** A message: its parts in order, and how many candidates the engine placed before the movable run ends. */
interface Sample {
  parts: Part[];
  /** Right candidates after the movable run (kept in place): counted for recall@3 as they stand. */
  rest: boolean[];
}

function samplesOf(group: Group): Sample[] {
  return translationSamples(group).map((sample) => ({
    parts: sample.parts.map((part) => ({
      features: runFeatures(sample, part),
      right: part.map((c) => c.right),
    })),
    rest: sample.rest,
  }));
}

function fit(samples: Sample[]): number[] {
  const pairs: number[][] = [];
  for (const { parts } of samples)
    for (const { features, right } of parts) {
      const at = right.indexOf(true);
      if (at < 0 || features.length < 2) continue;
      features.forEach((x, i) => {
        if (!right[i]) pairs.push(features[at]!.map((v, j) => v - x[j]!));
      });
    }
  return fitPairwise(pairs, TRANSLATION_FEATURES.length);
}

/** Recall@1 and @3 over answerable messages (a silent engine misses). */
function recall(samples: Sample[], weights: number[] | null): [number, number] {
  let at1 = 0;
  let at3 = 0;
  for (const { parts, rest } of samples) {
    const order = [
      ...parts.flatMap(({ features, right }) =>
        (weights && features.length > 1 ? translationOrder(features, weights) : right.map((_, i) => i)).map(
          (i) => right[i]!,
        ),
      ),
      ...rest,
    ];
    if (order[0]) at1++;
    if (order.slice(0, 3).some(Boolean)) at3++;
  }
  return [at1 / samples.length, at3 / samples.length];
}

const groups = tuningGroups();
const only = process.env.LANGUAGE as WordLanguage | undefined;
const samples = new Map(groups.filter((g) => !only || g.language === only).map((g) => [g.name, samplesOf(g)]));
const f = (n: number) => n.toFixed(3);
const weightsOf = {} as Record<WordLanguage, number[]>;
for (const language of ['en', 'zh'] as const) {
  if (only && language !== only) continue;
  const own = groups.filter((g) => g.language === language);
  console.log(`${language}: each team's packs scored with the blend fitted on the others only (recall@1 / recall@3):`);
  const sum = { n: 0, b1: 0, b3: 0, a1: 0, a3: 0 };
  for (const group of own) {
    const mine = samples.get(group.name)!;
    const [b1, b3] = recall(mine, null);
    const [a1, a3] = recall(mine, fit(own.filter((g) => g !== group).flatMap((g) => samples.get(g.name)!)));
    console.log(
      `  ${group.name.padEnd(16)} ${String(mine.length).padStart(4)}  engine ${f(b1)} / ${f(b3)}  re-ordered ${f(a1)} / ${f(a3)}  (${((a1 - b1) * 100).toFixed(1)} points)`,
    );
    const n = mine.length;
    Object.assign(sum, {
      n: sum.n + n,
      b1: sum.b1 + b1 * n,
      b3: sum.b3 + b3 * n,
      a1: sum.a1 + a1 * n,
      a3: sum.a3 + a3 * n,
    });
  }
  // What the weights now shipped give on the same samples (fitted on fewer teams, or on the engine as it was).
  const all = own.flatMap((g) => samples.get(g.name)!);
  const [s1, s3] = recall(all, [...TRANSLATION_WEIGHTS[language]]);
  console.log(
    `  pooled ${f(sum.b1 / sum.n)} / ${f(sum.b3 / sum.n)} → ${f(sum.a1 / sum.n)} / ${f(sum.a3 / sum.n)} (shipped weights, in-sample: ${f(s1)} / ${f(s3)})`,
  );
  weightsOf[language] = fit(all);
  console.log(
    `  weights: ${TRANSLATION_FEATURES.map((name, j) => `${name} ${weightsOf[language][j]!.toFixed(3)}`).join('; ')}`,
  );
}
if (only) process.exit(0);
writeWeights(
  OUT,
  {
    name: 'TRANSLATION_WEIGHTS',
    features: 'TRANSLATION_FEATURES (rank/translation.ts)',
    by: 'scripts/train-translation.ts (npm run gen:translation)',
  },
  groups,
  weightsOf,
);
console.log(`wrote ${OUT}`);
