/**
 * Replay of learning from picks (`node --import tsx bench/replay.ts`). The eval sets of tests/eval become
 * a stream of buyer messages, shuffled with a fixed seed; every answerable line carries the agent's pick
 * (its first expected entry). Each line is answered with the ranking as it stood before it, then the
 * learner learns the pick. Scored on the second half of the stream:
 * - r@1 with no picks (the engine alone), with picks, and with 10% of picks wrong (another entry);
 * - silence on no-answer lines (`expected: []` given no suggestion);
 * - a stream whose second half mixes new messages with re-asks (lightly varied repeats of first-half
 *   messages), reported apart.
 * The learner's constants (LEARN, BLEND) were tuned on these same sets: the figures are tuning figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Pack, Platform } from '../lib/packs/schema';
import { parsePack } from '../lib/packs/validate';
import { SuggestEngine } from '../lib/suggest/engine';
import { PickLearner } from '../lib/suggest/learn/learner';
import { entryKey, parseEntryKey } from '../lib/suggest/learn/pick-memory';
import { BENCH_DATE, type EvalCase } from './metrics';
import { prng as random } from './synthetic';

const root = new URL('../', import.meta.url).pathname;
const SEED = Number(process.env.REPLAY_SEED ?? 20261220);
const WRONG_SHARE = 0.1;
const AT = BENCH_DATE.getTime();

/** A stream line: the case, the pack its set belongs to, and whether it re-asks an earlier line. */
interface Line {
  c: EvalCase;
  packId: string;
  reask: boolean;
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pickOne = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)]!;

const ZH_FILLERS_START = ['亲，', '请问', '那个', '嗯 ', '你好 ', '老板 '];
const ZH_FILLERS_END = ['呀', '哈', '呢', '啊', '～', '？？'];
const ZH_PARTICLES = /[亲呀啊吗呢哦的哈嘛]/u;
/** A few simplified → traditional pairs, enough to vary a message the way Hong Kong and Taiwan buyers write. */
const TRADITIONAL: Record<string, string> = {
  发: '發',
  货: '貨',
  么: '麼',
  时: '時',
  吗: '嗎',
  这: '這',
  个: '個',
  说: '說',
  还: '還',
  没: '沒',
  运: '運',
  费: '費',
  码: '碼',
  买: '買',
  换: '換',
  钱: '錢',
  单: '單',
  样: '樣',
  号: '號',
  几: '幾',
  开: '開',
};
const EN_FILLERS_START = ['hi ', 'hey, ', 'quick question: ', 'um ', 'hello, '];
const EN_FILLERS_END = [' thanks', ' pls', '??', ' thx', '!'];
const EN_DROPPABLE = /\b(?:please|pls|hi|hey|just|so|um|the|a)\b ?/i;

/** One light change, the way another buyer would write the same question. */
function perturbOnce(text: string, rand: () => number): string {
  const han = /\p{Script=Han}/u.test(text);
  const choice = Math.floor(rand() * 4);
  if (han) {
    if (choice === 0 && ZH_PARTICLES.test(text)) return text.replace(ZH_PARTICLES, '');
    if (choice === 1) {
      const chars = [...text];
      const at = chars.findIndex((char) => TRADITIONAL[char]);
      if (at >= 0) {
        chars[at] = TRADITIONAL[chars[at]!]!;
        return chars.join('');
      }
    }
    if (choice === 2) return text.replace(/[，,。？?！!]/u, ' ').replace(/\s+$/u, '') || text;
    return rand() < 0.5 ? pickOne(ZH_FILLERS_START, rand) + text : text + pickOne(ZH_FILLERS_END, rand);
  }
  if (choice === 0 && EN_DROPPABLE.test(text)) return text.replace(EN_DROPPABLE, '');
  if (choice === 1) return text.replace(/[?!.]+$/u, '') || text;
  if (choice === 2) return text.charAt(0) === text.charAt(0).toUpperCase() ? text.toLowerCase() : text.toUpperCase();
  return rand() < 0.5 ? pickOne(EN_FILLERS_START, rand) + text : text + pickOne(EN_FILLERS_END, rand);
}

/** One or two light changes; never the identical text. */
function perturb(text: string, rand: () => number): string {
  let out = perturbOnce(text, rand);
  if (rand() < 0.5) out = perturbOnce(out, rand);
  return out === text ? `${text} ${/\p{Script=Han}/u.test(text) ? '呀' : 'pls'}` : out;
}

function loadPack(id: string): Pack {
  const result = parsePack(readFileSync(join(root, 'knowledge-packs', `${id}.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id} is invalid`);
  return result.pack;
}

function loadLines(dir: string): Line[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => ({ c: JSON.parse(line) as EvalCase, packId: basename(file, '.jsonl'), reask: false })),
    );
}

export interface Score {
  hits: number;
  answerable: number;
  silent: number;
  noAnswer: number;
}
const emptyScore = (): Score => ({ hits: 0, answerable: 0, silent: 0, noAnswer: 0 });
export const r1 = (s: Score) => (s.answerable ? s.hits / s.answerable : 0);
export const silence = (s: Score) => (s.noAnswer ? s.silent / s.noAnswer : 0);

export type Mode = 'none' | 'picks' | 'wrong';

/**
 * Replays a stream: answers each line with the ranking as it stands, then learns its pick. Returns the
 * scores of the lines from `scoreFrom` on, split into new messages and re-asks.
 */
function replay(
  engine: SuggestEngine,
  packs: Map<string, Pack>,
  stream: readonly Line[],
  scoreFrom: number,
  mode: Mode,
  seed: number,
): { fresh: Score; reask: Score; all: Score } {
  const rand = random(seed + 7);
  const learner = new PickLearner();
  const scores = { fresh: emptyScore(), reask: emptyScore(), all: emptyScore() };
  stream.forEach((line, index) => {
    const { c } = line;
    const result = engine.suggest({ text: c.text, platform: c.platform as Platform | undefined, now: BENCH_DATE }, 20);
    const candidates = result.suggestions.map((s) => ({ key: entryKey(s.packId, s.entryId), score: s.score }));
    const ranked = mode === 'none' ? candidates : learner.rank(c.text, candidates);
    if (index >= scoreFrom) {
      for (const score of [scores.all, line.reask ? scores.reask : scores.fresh]) {
        if (c.expected.length === 0) {
          score.noAnswer += 1;
          if (ranked.length === 0) score.silent += 1;
        } else {
          score.answerable += 1;
          if (ranked.length > 0 && c.expected.includes(parseEntryKey(ranked[0]!.key).entryId)) score.hits += 1;
        }
      }
    }
    if (mode === 'none' || c.expected.length === 0) return;
    const pack = packs.get(line.packId)!;
    let entryId = c.expected[0]!;
    if (mode === 'wrong' && rand() < WRONG_SHARE) {
      entryId = pickOne(
        pack.entries.filter((entry) => !c.expected.includes(entry.id)),
        rand,
      ).id;
    }
    learner.learn({ packId: pack.id, packVersion: pack.version, entryId, text: c.text, at: AT + index });
  });
  return scores;
}

const f = (n: number) => n.toFixed(3);
const points = (a: number, b: number) => `${a >= b ? '+' : ''}${((a - b) * 100).toFixed(1)}`;

/** One language's replay: every stream × every pick mode, second half only. */
export interface ReplayResult {
  language: string;
  lines: number;
  /** Plain stream (new messages only), per pick mode. */
  plain: Record<Mode, Score>;
  /** Stream with re-asks, per pick mode: re-asks, new messages and both. */
  mixed: Record<Mode, { fresh: Score; reask: Score; all: Score }>;
}

const MODES: Mode[] = ['none', 'picks', 'wrong'];

/** Replays one language's sets with the given seed. */
export function measure(language: 'zh' | 'en', seed = SEED): ReplayResult {
  const packIds = language === 'zh' ? ['jd-electronics', 'tmall-apparel', 'pdd-store'] : ['shopify-store'];
  const lines = loadLines(join(root, 'tests/eval', language));
  const packs = new Map(packIds.map((id) => [id, loadPack(id)]));
  const engine = new SuggestEngine();
  engine.setPacks([...packs.values()]);
  const rand = random(seed);
  const stream = shuffle(lines, rand);
  const half = Math.floor(stream.length / 2);
  // Re-asks: the second half holds the new messages and as many varied repeats of first-half messages.
  const first = stream.slice(0, half);
  const reasks = shuffle(first, rand).map((line) => ({
    ...line,
    c: { ...line.c, text: perturb(line.c.text, rand) },
    reask: true,
  }));
  const mixed = [...first, ...shuffle([...stream.slice(half), ...reasks.slice(0, stream.length - half)], rand)];
  const result: ReplayResult = {
    language,
    lines: lines.length,
    plain: {} as ReplayResult['plain'],
    mixed: {} as ReplayResult['mixed'],
  };
  for (const mode of MODES) {
    result.plain[mode] = replay(engine, packs, stream, half, mode, seed).all;
    result.mixed[mode] = replay(engine, packs, mixed, half, mode, seed);
  }
  return result;
}

const NAMES: Record<Mode, string> = { none: 'no picks', picks: 'picks', wrong: '10% wrong picks' };

function print(result: ReplayResult, seed: number): void {
  console.log(`\n${result.language}: ${result.lines} lines, seed ${seed}; second half of each stream`);
  console.log('  stream / lines scored          picks            r@1 (n)      vs none  silent on no-answer (n)');
  const row = (label: string, mode: Mode, score: Score, base: Score) =>
    console.log(
      `  ${label.padEnd(30)} ${NAMES[mode].padEnd(16)} ${f(r1(score))} (${String(score.answerable).padStart(3)})  ${points(r1(score), r1(base)).padStart(6)}   ${f(silence(score))} (${score.noAnswer})`,
    );
  for (const mode of MODES) row('new messages only', mode, result.plain[mode], result.plain.none);
  for (const [label, part] of [
    ['with re-asks: all', 'all'],
    ['with re-asks: re-asks', 'reask'],
    ['with re-asks: new messages', 'fresh'],
  ] as const) {
    for (const mode of MODES) row(label, mode, result.mixed[mode][part], result.mixed.none[part]);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('== Replay: learning from picks (tests/eval; learner constants tuned on these sets) ==');
  for (const language of ['zh', 'en'] as const) print(measure(language), SEED);
}
