/**
 * The tuning sets the generators fit on, grouped by team: the shipped packs' sets (tests/eval/en, tests/eval/zh,
 * tests/eval/dev) and every fresh pack's dev set (tests/eval/fresh-dev), each with its own packs. Never a held-out
 * set. A group is what a leave-one-team-out estimate leaves out together.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvalCase } from '../bench/metrics';
import type { Pack } from '../lib/packs/schema';
import type { Phrasebook, PhrasebookIntent } from '../lib/suggest/rank/phrasebook';
import { parsePack } from '../lib/packs/validate';
import { wordLanguageOf, type WordLanguage } from '../lib/suggest/rank/word-rerank';
import { loadWordTables } from '../lib/suggest/text/word-tables';

// Every tool that reads the tuning sets ranks messages: the word tables of English reading loaded first.
await loadWordTables();

export const root = new URL('../', import.meta.url).pathname;

export const readPack = (file: string): Pack => {
  const result = parsePack(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.pack;
};

export const readCases = (file: string): EvalCase[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);

/** A tuning set with the packs it is scored with. */
export interface Job {
  packs: Pack[];
  file: string;
}

/** A team's packs with their tuning sets: left out together when a gain for a new team is estimated. */
export interface Group {
  name: string;
  language: WordLanguage;
  jobs: Job[];
}

const shipped = (id: string) => readPack(join(root, `knowledge-packs/${id}.json`));

let groupsRead: Group[] | null = null;
/** `tuningGroups()`, read once per process (the bench asks for a phrasebook per scored set). */
const allGroups = (): Group[] => (groupsRead ??= tuningGroups());

export function tuningGroups(): Group[] {
  const [shopify, jd, tmall, pdd] = ['shopify-store', 'jd-electronics', 'tmall-apparel', 'pdd-store'].map(shipped);
  const job = (packs: Pack[], file: string): Job => ({ packs, file: join(root, file) });
  const groups: Group[] = [
    {
      name: 'shopify-store',
      language: 'en',
      jobs: [job([shopify!], 'tests/eval/en/shopify-store.jsonl'), job([shopify!], 'tests/eval/dev/en.jsonl')],
    },
    {
      name: 'jd + tmall',
      language: 'zh',
      jobs: [
        job([jd!], 'tests/eval/zh/jd-electronics.jsonl'),
        job([tmall!], 'tests/eval/zh/tmall-apparel.jsonl'),
        job([jd!, tmall!], 'tests/eval/dev/zh.jsonl'),
      ],
    },
    { name: 'pdd-store', language: 'zh', jobs: [job([pdd!], 'tests/eval/zh/pdd-store.jsonl')] },
  ];
  for (const file of readdirSync(join(root, 'tests/eval/packs')).sort()) {
    const pack = readPack(join(root, 'tests/eval/packs', file));
    const dev = join(root, 'tests/eval/fresh-dev', `${basename(file, '.json')}.jsonl`);
    if (existsSync(dev))
      groups.push({ name: pack.id, language: wordLanguageOf(pack.locale), jobs: [{ packs: [pack], file: dev }] });
  }
  return groups;
}

/**
 * The buyer phrasebook (`lib/suggest/rank/phrasebook.ts`) of some groups' tuning sets: every entry a tuning message
 * was answered with, as its title, its questions and those messages. Messages that expect two entries are left out
 * (they would tie an intent to half of what they ask).
 */
export function phrasebookOf(groups: readonly Group[]): Phrasebook {
  const book: Record<WordLanguage, PhrasebookIntent[]> = { en: [], zh: [] };
  for (const group of groups) {
    const intents = new Map<string, { title: string; questions: string[]; messages: Set<string> }>();
    for (const { packs, file } of group.jobs) {
      for (const c of readCases(file)) {
        if (c.expected.length !== 1) continue;
        for (const pack of packs) {
          const entry = pack.entries.find((e) => e.id === c.expected[0]);
          if (!entry) continue;
          const key = `${pack.id}/${entry.id}`;
          if (!intents.has(key))
            intents.set(key, { title: entry.title, questions: [...entry.questions], messages: new Set() });
          intents.get(key)!.messages.add(c.text.trim());
          break;
        }
      }
    }
    for (const { title, questions, messages } of intents.values())
      book[group.language].push([title, questions, [...messages]]);
  }
  return book;
}

/**
 * The phrasebook a new team's packs would meet: built without the messages of any group that uses one of them. The
 * bench scores every set this way, so no figure comes from a message of the scored pack's own sets.
 */
export function phrasebookWithout(packIds: readonly string[], groups: readonly Group[] = allGroups()): Phrasebook {
  return phrasebookOf(groupsWithout(packIds, groups));
}

/** The tuning groups that use none of these packs (read once per process unless given). */
export function groupsWithout(packIds: readonly string[], groups: readonly Group[] = allGroups()): Group[] {
  return groups.filter((g) => !g.jobs.some((job) => job.packs.some((p) => packIds.includes(p.id))));
}
