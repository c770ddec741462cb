/**
 * Fits the small-talk model (`lib/suggest/rank/small-talk.ts`, its features in `small-talk-model.ts`) and writes `lib/suggest/rank/small-talk.data.ts`. Run by
 * `npm run gen:smalltalk` after the tuning sets change.
 *
 * Data, per message (both languages in one model): TUNING sets only — every line of tests/eval/smalltalk (needs no
 * answer) and every line of the sets the engine is tuned on (tests/eval/zh, tests/eval/en, tests/eval/dev,
 * tests/eval/fresh-dev: answerable lines, and their no-answer lines). Never a held-out set. Model: logistic
 * regression over `smallTalkFeatures`, classes weighted to balance, plain SGD in a fixed order (the file is the
 * same on every run), L2 1e-4, weights below `PRUNE` dropped.
 *
 * Before writing, it prints what a team meets: for each half of the fresh packs, a model fitted without their lines
 * and without half of the small-talk lines — how many of those packs' answerable messages it would silence (with the
 * engine's gate) and of their no-answer lines, and how many of the left-out small-talk lines the engine alone answers that it silences.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DATE } from '../bench/metrics';
import type { Pack } from '../lib/packs/schema';
import { parsePack } from '../lib/packs/validate';
import { SuggestEngine } from '../lib/suggest/engine';
import { isSmallTalk, SMALL_TALK } from '../lib/suggest/rank/small-talk';
import { smallTalkFeatures } from '../lib/suggest/rank/small-talk-model';
import { normalizeText } from '../lib/suggest/text/normalize';
import { loadWordTables } from '../lib/suggest/text/word-tables';

await loadWordTables();

const root = new URL('../', import.meta.url).pathname;
const OUT = join(root, 'lib/suggest/rank/small-talk.data.ts');
const L2 = 1e-4;
const EPOCHS = 30;
const PRUNE = 0.3;

interface Row {
  text: string;
  /** 1: needs no answer. */
  y: 0 | 1;
  /** Where it comes from: a fresh pack's id, `smalltalk`, or `shipped`. */
  group: string;
  language: 'zh' | 'en';
  features: string[];
}

const readLines = (file: string): Array<{ text: string; expected: string[] }> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { text: string; expected: string[] });
const readPack = (file: string): Pack => {
  const result = parsePack(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.pack;
};
const rowOf = (text: string, y: 0 | 1, group: string, language: 'zh' | 'en'): Row => ({
  text,
  y,
  group,
  language,
  features: smallTalkFeatures(normalizeText(text)),
});

function tuningRows(): { rows: Row[]; freshPacks: Map<string, Pack> } {
  const rows: Row[] = [];
  for (const language of ['zh', 'en'] as const) {
    for (const c of readLines(join(root, 'tests/eval/smalltalk', `${language}.jsonl`)))
      rows.push(rowOf(c.text, 1, 'smalltalk', language));
    const files = [
      ...readdirSync(join(root, 'tests/eval', language)).map((f) => join(root, 'tests/eval', language, f)),
      join(root, 'tests/eval/dev', `${language}.jsonl`),
    ];
    for (const file of files)
      for (const c of readLines(file)) rows.push(rowOf(c.text, c.expected.length ? 0 : 1, 'shipped', language));
  }
  const freshPacks = new Map<string, Pack>();
  for (const file of readdirSync(join(root, 'tests/eval/packs')).sort()) {
    const pack = readPack(join(root, 'tests/eval/packs', file));
    freshPacks.set(pack.id, pack);
    const language = pack.locale.startsWith('zh') ? 'zh' : 'en';
    for (const c of readLines(join(root, 'tests/eval/fresh-dev', `${pack.id}.jsonl`)))
      rows.push(rowOf(c.text, c.expected.length ? 0 : 1, pack.id, language));
  }
  return { rows, freshPacks };
}

function fit(rows: readonly Row[]): Record<string, number> {
  const weights = new Map<string, number>();
  const positives = rows.filter((r) => r.y === 1).length;
  const balance = (rows.length - positives) / Math.max(1, positives);
  let rate = 0.5;
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (const { features, y } of rows) {
      let z = 0;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = (1 / (1 + Math.exp(-z)) - y) * (y === 1 ? balance : 1);
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - rate * (gradient + L2 * w));
      }
    }
    rate *= 0.9;
  }
  const kept: Record<string, number> = {};
  for (const [f, w] of [...weights].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (Math.abs(w) >= PRUNE) kept[f] = Math.round(w * 1000) / 1000;
  return kept;
}

const { rows, freshPacks } = tuningRows();
const engines = new Map<string, SuggestEngine>();
const topScore = (packs: Pack[], text: string) => {
  const key = packs.map((p) => p.id).join('+');
  let engine = engines.get(key);
  if (!engine) {
    // The gate reads the engine's best score, which re-ordering (the phrasebook, the word re-ranker) never changes.
    engines.set(key, (engine = new SuggestEngine({ smallTalkModel: false, phrasebook: false, wordRerank: false })));
    engine.setPacks(packs);
  }
  return engine.suggest({ text, now: BENCH_DATE }).suggestions[0]?.score ?? 0;
};
const shippedPacks = {
  zh: ['jd-electronics', 'tmall-apparel'].map((id) => readPack(join(root, 'knowledge-packs', `${id}.json`))),
  en: [readPack(join(root, 'knowledge-packs/shopify-store.json'))],
};
/** As the engine gates it: the model says small talk, no concept word, no confident answer. */
const silences = (weights: Record<string, number>, packs: Pack[], text: string) =>
  isSmallTalk(text, weights) && topScore(packs, text) < SMALL_TALK.maxScore;

console.log('Small-talk model, each half of the fresh packs and of the small-talk lines left out of fitting:');
for (const language of ['zh', 'en'] as const) {
  const packIds = [...freshPacks.values()]
    .filter((p) => (p.locale.startsWith('zh') ? 'zh' : 'en') === language)
    .map((p) => p.id);
  let answerable = 0;
  let silenced = 0;
  let smallTalk = 0;
  let loud = 0;
  let caught = 0;
  let noAnswer = 0;
  let quiet = 0;
  for (const half of [0, 1]) {
    const outPacks = new Set(packIds.filter((_, i) => i % 2 === half));
    const smallTalkRows = rows.filter((r) => r.group === 'smalltalk' && r.language === language);
    const outSmallTalk = new Set(smallTalkRows.filter((_, i) => i % 2 === half));
    const weights = fit(rows.filter((r) => !outPacks.has(r.group) && !outSmallTalk.has(r)));
    for (const r of rows) {
      if (!outPacks.has(r.group)) continue;
      const silent = silences(weights, [freshPacks.get(r.group)!], r.text);
      if (r.y === 1) {
        noAnswer += 1;
        if (silent) quiet += 1;
        continue;
      }
      answerable += 1;
      if (silent) silenced += 1;
    }
    for (const r of outSmallTalk) {
      smallTalk += 1;
      if (topScore(shippedPacks[language], r.text) === 0) continue;
      loud += 1;
      if (silences(weights, shippedPacks[language], r.text)) caught += 1;
    }
  }
  console.log(
    `  ${language}: answerable messages of left-out packs silenced ${silenced} of ${answerable} (${((silenced / answerable) * 100).toFixed(2)}%),` +
      ` their no-answer lines ${quiet} of ${noAnswer} (the engine alone silences some);` +
      ` left-out small talk the engine answers: ${loud} of ${smallTalk}, the model silences ${caught} (+${((caught / smallTalk) * 100).toFixed(1)} points of silence)`,
  );
}

const weights = fit(rows);
writeFileSync(
  OUT,
  `// Generated by scripts/train-small-talk.ts (npm run gen:smalltalk) from the tuning sets — do not edit by hand.\n` +
    `// ${Object.keys(weights).length} features (|weight| >= ${PRUNE}) of rank/small-talk-model.ts \`smallTalkFeatures\`.\n` +
    `export const SMALL_TALK_WEIGHTS: Readonly<Record<string, number>> = ${JSON.stringify(weights)};\n`,
);
console.log(`wrote ${OUT} (${Object.keys(weights).length} features)`);
