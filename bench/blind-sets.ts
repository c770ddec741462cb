/**
 * The blind sets, written by people who never saw the engine (tests/eval/README.md), engine against
 * MiniSearch BM25, with recall@1 per style:
 * - `dev` and `heldout`, `heldout2`… `heldout6` (tests/eval/<kind>/<language>.jsonl): for the shipped packs,
 *   from their titles and replies, scored with every shipped pack of the language loaded at once. `dev` may be
 *   tuned on; the held-out sets (other writers, later) are report only.
 * - `fresh-dev` and `fresh-heldout` (tests/eval/fresh-dev/<pack>.jsonl, tests/eval/fresh-heldout/<pack>.jsonl):
 *   for packs that are not shipped and that no list or constant of the engine was ever fitted to
 *   (tests/eval/packs, written as team leads write: about four questions per entry, no keywords), each set
 *   scored with its own pack, by writers who saw only the pack's titles and replies — the nearest stand-in
 *   for a new team's pack. `fresh-dev` may be tuned on; `fresh-heldout` is report only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Pack } from '../lib/packs/schema';
import { parsePack } from '../lib/packs/validate';
import { bm25Ranker } from './baselines';
import { evaluate, type EvalCase, type RelevanceReport } from './metrics';

export interface StyledCase extends EvalCase {
  style?: string;
}

export type BlindKind = 'dev' | 'heldout' | 'heldout2' | 'heldout3' | 'heldout4' | 'heldout5' | 'heldout6';
export const BLIND_KINDS: readonly BlindKind[] = [
  'dev',
  'heldout',
  'heldout2',
  'heldout3',
  'heldout4',
  'heldout5',
  'heldout6',
];
export type FreshKind = 'fresh-dev' | 'fresh-heldout';
export type Language = 'zh' | 'en';

/** The shipped packs each language's blind sets were written for. */
export const SHIPPED_PACKS_OF: Readonly<Record<Language, readonly string[]>> = {
  zh: ['jd-electronics', 'tmall-apparel'],
  en: ['shopify-store'],
};

const TITLE_OF: Record<BlindKind | FreshKind, string> = {
  dev: 'Blind dev sets (tuning allowed): all packs of the language loaded at once',
  heldout: 'Held-out sets (report only, never tuned on): all packs of the language loaded at once',
  heldout2:
    'Second held-out sets (report only, never tuned on; new writers, 4 December): all packs of the language loaded at once',
  heldout3:
    'Third held-out sets (report only, never tuned on; new writers, 5 December): all packs of the language loaded at once',
  heldout4:
    'Fourth held-out sets (report only, never tuned on; new writers, tenth session): all packs of the language loaded at once',
  heldout5:
    'Fifth held-out sets (report only, never tuned on; new writers, twelfth session): all packs of the language loaded at once',
  heldout6:
    'Sixth held-out sets (report only, never tuned on; new writers, written and first read at the end of the thirteenth session): all packs of the language loaded at once',
  'fresh-dev': 'Fresh-pack dev sets (tuning allowed): packs the engine was never fitted to, each set with its own pack',
  'fresh-heldout': 'Fresh-pack held-out sets (report only, never tuned on): the same packs, other writers',
};

/** The records of a JSON Lines file, blank lines skipped (so a line's number is its place among them); none when absent. */
function readJsonLines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

const readCases = (file: string): StyledCase[] => readJsonLines<StyledCase>(file);

/** A re-ask written for the line numbered `n` of a set's file (tests/eval/README.md, `reask/`). */
export interface WrittenReask {
  n: number;
  text: string;
}

/**
 * The written re-asks of a set: `tests/eval/reask/<folder>/<name>.jsonl`, where `folder` is the set's (`dev`,
 * `heldout`, `fresh-dev`, …) and `name` its language for a shipped set, its pack for a fresh one. None when absent.
 */
export const loadWrittenReasks = (root: string, folder: string, name: string): WrittenReask[] =>
  readJsonLines<WrittenReask>(join(root, 'tests/eval/reask', folder, `${name}.jsonl`));

export const loadBlindSet = (root: string, kind: BlindKind, language: Language): StyledCase[] =>
  readCases(join(root, 'tests/eval', kind, `${language}.jsonl`));

/** The shipped packs a blind set was written for. */
export const packsOfBlindSet = (language: Language, shipped: Map<string, Pack>): Pack[] =>
  SHIPPED_PACKS_OF[language].map((id) => shipped.get(id)).filter((p): p is Pack => !!p);

export interface FreshPack {
  pack: Pack;
  language: Language;
}

/** The packs of tests/eval/packs, by id. */
export function loadFreshPacks(root: string): FreshPack[] {
  const dir = join(root, 'tests/eval/packs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const result = parsePack(readFileSync(join(dir, file), 'utf8'));
      if (!result.ok) throw new Error(`tests/eval/packs/${file} is invalid: run npx kpack validate on it`);
      return { pack: result.pack, language: result.pack.locale.startsWith('zh') ? 'zh' : 'en' } as FreshPack;
    });
}

/** A fresh pack's set of one kind (empty when it has none). */
export const loadFreshSet = (root: string, kind: FreshKind, packId: string): StyledCase[] =>
  readCases(join(root, 'tests/eval', kind, `${packId}.jsonl`));

/** The pack ids that have a set of this kind. */
export const freshSetIds = (root: string, kind: FreshKind): string[] =>
  existsSync(join(root, 'tests/eval', kind))
    ? readdirSync(join(root, 'tests/eval', kind))
        .filter((file) => file.endsWith('.jsonl'))
        .map((file) => basename(file, '.jsonl'))
    : [];

const f = (n: number | null) => (n === null ? '   -  ' : n.toFixed(3).padStart(6));

/** Recall@1 per style (abstention for small talk), one line. */
function byStyle(cases: StyledCase[], rank: (c: EvalCase) => string[]): string {
  const styles = [...new Set(cases.map((c) => c.style ?? 'other'))];
  return styles
    .map((style) => {
      const subset = cases.filter((c) => (c.style ?? 'other') === style);
      const report = evaluate(subset, rank);
      const value = subset.every((c) => c.expected.length === 0) ? report.abstention : report.recallAt1;
      return `${style} ${(value ?? 0).toFixed(2)}`;
    })
    .join(' · ');
}

type Ranker = (c: EvalCase) => string[];

/** One set: engine and BM25 rows, then recall@1 by style. */
function printSet(name: string, cases: StyledCase[], engine: Ranker, bm25: Ranker): void {
  const ours = evaluate(cases, engine);
  const theirs = evaluate(cases, bm25);
  const row = (ranker: string, r: RelevanceReport, extra = '') =>
    console.log(
      `  ${name.padEnd(28)} ${String(cases.length).padStart(4)}  ${ranker.padEnd(16)} ${f(r.recallAt1)}   ${f(r.recallAt3)} ${f(r.mrr)}   ${f(r.abstention)}  ${f(r.silentOnAnswerable)}${extra}`,
    );
  const gain = (ours.recallAt1 - theirs.recallAt1) * 100;
  row('huashu engine', ours, `   ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} points`);
  row('MiniSearch BM25', theirs);
  console.log(`    by style (r@1; smalltalk = share left silent): ${byStyle(cases, engine)}`);
}

const HEADER =
  '  set                          msgs  ranker            recall@1 recall@3    MRR  abstain  silent   vs BM25 r@1';

/** Prints the blind sets and the fresh-pack sets. `engineFor(packs)` builds the engine's ranker over those packs. */
export function printBlindSets(root: string, packs: Map<string, Pack>, engineFor: (packs: Pack[]) => Ranker): void {
  for (const kind of BLIND_KINDS) {
    console.log(`\n${TITLE_OF[kind]}`);
    console.log(HEADER);
    for (const language of ['zh', 'en'] as const) {
      const cases = loadBlindSet(root, kind, language);
      const used = packsOfBlindSet(language, packs);
      if (cases.length === 0 || used.length === 0) continue;
      const bm25 = bm25Ranker(used, language === 'zh');
      printSet(`${kind}/${language}`, cases, engineFor(used), (c) => bm25(c.text));
    }
  }
  const fresh = loadFreshPacks(root);
  for (const kind of ['fresh-dev', 'fresh-heldout'] as const) {
    console.log(`\n${TITLE_OF[kind]}`);
    console.log(HEADER);
    for (const language of ['zh', 'en'] as const) {
      // Each set with its own pack; then the language's sets pooled (each line still ranked by its own pack).
      const pooled: Array<{ c: StyledCase; engine: Ranker; bm25: Ranker }> = [];
      for (const { pack } of fresh.filter((p) => p.language === language)) {
        const cases = loadFreshSet(root, kind, pack.id);
        if (cases.length === 0) continue;
        const engine = engineFor([pack]);
        const index = bm25Ranker([pack], language === 'zh');
        const bm25: Ranker = (c) => index(c.text);
        printSet(`${kind}/${pack.id}`, cases, engine, bm25);
        pooled.push(...cases.map((c) => ({ c, engine, bm25 })));
      }
      if (new Set(pooled.map((p) => p.engine)).size < 2) continue;
      const rankerOf = new Map(pooled.map((p) => [p.c as EvalCase, p]));
      printSet(
        `${kind}/${language} (all packs)`,
        pooled.map((p) => p.c),
        (c) => rankerOf.get(c)!.engine(c),
        (c) => rankerOf.get(c)!.bm25(c),
      );
    }
  }
  printSmallTalk(root, packs, fresh, engineFor);
}

/**
 * The small-talk tuning set (tests/eval/smalltalk/<language>.jsonl, every line needing no answer), with each
 * pack of its language: the share left silent.
 */
function printSmallTalk(
  root: string,
  shipped: Map<string, Pack>,
  fresh: FreshPack[],
  engineFor: (packs: Pack[]) => Ranker,
): void {
  console.log('\nSmall-talk set (tuning allowed; every line needs no answer): share left silent, per pack');
  for (const language of ['zh', 'en'] as const) {
    const cases = readCases(join(root, 'tests/eval/smalltalk', `${language}.jsonl`));
    if (cases.length === 0) continue;
    const packSets: Pack[][] = [
      packsOfBlindSet(language, shipped),
      ...fresh.filter((p) => p.language === language).map((p) => [p.pack]),
    ].filter((packs) => packs.length > 0);
    const cells = packSets.map((packs) => {
      const rank = engineFor(packs);
      const silent = cases.filter((c) => rank(c).length === 0).length / cases.length;
      return `${packs.map((p) => p.id).join(' + ')} ${silent.toFixed(3)}`;
    });
    console.log(`  smalltalk/${language} (${cases.length}): ${cells.join(' · ')}`);
  }
}
