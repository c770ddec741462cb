/**
 * The blind sets (tests/eval/dev and tests/eval/heldout, see tests/eval/README.md): written by someone who
 * never saw the engine, from the packs' titles and replies. `dev` may be tuned on; `heldout` is report only.
 * Each is scored with every pack of its language loaded at once, engine against MiniSearch BM25, with
 * recall@1 per message style.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../lib/packs/schema';
import { bm25Ranker } from './baselines';
import { evaluate, type EvalCase, type RelevanceReport } from './metrics';

export interface StyledCase extends EvalCase {
  style?: string;
}

/** The shipped packs each language's blind sets were written for. */
const PACKS_OF: Record<'zh' | 'en', string[]> = {
  zh: ['jd-electronics', 'tmall-apparel'],
  en: ['shopify-store'],
};

export function loadBlindSet(root: string, kind: 'dev' | 'heldout', language: 'zh' | 'en'): StyledCase[] {
  const file = join(root, 'tests/eval', kind, `${language}.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as StyledCase);
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
  for (const kind of ['dev', 'heldout'] as const) {
    console.log(
      kind === 'dev'
        ? '\nBlind dev sets (tuning allowed): all packs of the language loaded at once'
        : '\nHeld-out sets (report only, never tuned on): all packs of the language loaded at once',
    );
    console.log('  set        msgs  ranker            recall@1 recall@3    MRR  abstain  silent   vs BM25 r@1');
    for (const language of ['zh', 'en'] as const) {
      const cases = loadBlindSet(root, kind, language);
      const used = PACKS_OF[language].map((id) => packs.get(id)).filter((p): p is Pack => !!p);
      if (cases.length === 0 || used.length === 0) continue;
      const engine = engineFor(used);
      const bm25 = bm25Ranker(used, language === 'zh');
      const ours = evaluate(cases, engine);
      const theirs = evaluate(cases, (c) => bm25(c.text));
      const row = (name: string, r: RelevanceReport, extra = '') =>
        console.log(
          `  ${`${kind}/${language}`.padEnd(10)} ${String(cases.length).padStart(4)}  ${name.padEnd(16)} ${f(r.recallAt1)}   ${f(r.recallAt3)} ${f(r.mrr)}   ${f(r.abstention)}  ${f(r.silentOnAnswerable)}${extra}`,
        );
      const gain = (ours.recallAt1 - theirs.recallAt1) * 100;
      row('huashu engine', ours, `   ${gain >= 0 ? '+' : ''}${gain.toFixed(1)} points`);
      row('MiniSearch BM25', theirs);
      console.log(`    by style (r@1; smalltalk = share left silent): ${byStyle(cases, engine)}`);
    }
  }
}
