/**
 * The blind sets, written by people who never saw the engine (tests/eval/README.md), each scored with
 * every pack of its language loaded at once, engine against MiniSearch BM25, with recall@1 per style:
 * - `dev` and `heldout` (tests/eval/dev, tests/eval/heldout): for the shipped packs, from their titles and
 *   replies. `dev` may be tuned on; `heldout` is report only.
 * - `fresh-dev` and `fresh-heldout` (tests/eval/fresh-dev, tests/eval/fresh-heldout): for two packs that are
 *   not shipped and that no list or constant of the engine was ever fitted to (tests/eval/packs: a home &
 *   kitchen Shopify store, a Tmall apparel + JD electronics seller, about four questions per entry, no
 *   keywords), each set by its own writer who saw only the packs' titles and replies — the nearest stand-in
 *   for a new team's pack. `fresh-dev` may be tuned on; `fresh-heldout` is report only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../lib/packs/schema';
import { parsePack } from '../lib/packs/validate';
import { bm25Ranker } from './baselines';
import { evaluate, type EvalCase, type RelevanceReport } from './metrics';

export interface StyledCase extends EvalCase {
  style?: string;
}

export type BlindKind = 'dev' | 'heldout' | 'fresh-dev' | 'fresh-heldout';

/** The packs each language's blind sets were written for: shipped ids, or files under tests/eval/packs. */
const PACKS_OF: Record<'shipped' | 'fresh', Record<'zh' | 'en', string[]>> = {
  shipped: { zh: ['jd-electronics', 'tmall-apparel'], en: ['shopify-store'] },
  fresh: { zh: ['muye-store'], en: ['hearth-home'] },
};

const TITLE_OF: Record<BlindKind, string> = {
  dev: 'Blind dev sets (tuning allowed): all packs of the language loaded at once',
  heldout: 'Held-out sets (report only, never tuned on): all packs of the language loaded at once',
  'fresh-dev': 'Fresh-pack dev sets (tuning allowed): packs the engine was never fitted to (tests/eval/packs)',
  'fresh-heldout': 'Fresh-pack held-out sets (report only, never tuned on): same packs, another writer',
};

export function loadBlindSet(root: string, kind: BlindKind, language: 'zh' | 'en'): StyledCase[] {
  const file = join(root, 'tests/eval', kind, `${language}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as StyledCase);
}

/** The packs a blind set was written for: shipped ones from `shipped`, fresh ones read from tests/eval/packs. */
export function packsOfBlindSet(
  root: string,
  kind: BlindKind,
  language: 'zh' | 'en',
  shipped: Map<string, Pack>,
): Pack[] {
  if (!kind.startsWith('fresh')) {
    return PACKS_OF.shipped[language].map((id) => shipped.get(id)).filter((p): p is Pack => !!p);
  }
  return PACKS_OF.fresh[language].map((id) => {
    const result = parsePack(readFileSync(join(root, 'tests/eval/packs', `${id}.json`), 'utf8'));
    if (!result.ok) throw new Error(`tests/eval/packs/${id}.json is invalid: run npx kpack validate on it`);
    return result.pack;
  });
}

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

/**
 * Prints the blind sets. `engineFor(packs)` builds the engine's ranker over those packs; returns the
 * reports so the caller can check targets.
 */
export function printBlindSets(
  root: string,
  packs: Map<string, Pack>,
  engineFor: (packs: Pack[]) => (c: EvalCase) => string[],
): void {
  for (const kind of ['dev', 'heldout', 'fresh-dev', 'fresh-heldout'] as const) {
    console.log(`\n${TITLE_OF[kind]}`);
    console.log('  set              msgs  ranker            recall@1 recall@3    MRR  abstain  silent   vs BM25 r@1');
    for (const language of ['zh', 'en'] as const) {
      const cases = loadBlindSet(root, kind, language);
      if (cases.length === 0) continue;
      const used = packsOfBlindSet(root, kind, language, packs);
      if (used.length === 0) continue;
      const engine = engineFor(used);
      const bm25 = bm25Ranker(used, language === 'zh');
      const ours = evaluate(cases, engine);
      const theirs = evaluate(cases, (c) => bm25(c.text));
      const row = (name: string, r: RelevanceReport, extra = '') =>
        console.log(
          `  ${`${kind}/${language}`.padEnd(16)} ${String(cases.length).padStart(4)}  ${name.padEnd(16)} ${f(r.recallAt1)}   ${f(r.recallAt3)} ${f(r.mrr)}   ${f(r.abstention)}  ${f(r.silentOnAnswerable)}${extra}`,
        );
      const gain = (ours.recallAt1 - theirs.recallAt1) * 100;
      row('huashu engine', ours, `   ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} points`);
      row('MiniSearch BM25', theirs);
      console.log(`    by style (r@1; smalltalk = share left silent): ${byStyle(cases, engine)}`);
    }
  }
}
