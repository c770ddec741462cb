/**
 * The Bitext relevance protocol. The set is Bitext's English customer-support sample (the public repository
 * bitext/customer-support-llm-chatbot-training-dataset, file
 * data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv at commit 337b968): 4,514 buyer requests
 * labelled with 27 intents, each with an example agent response. It is licensed (CDLA-Sharing 1.0) and not
 * committed here: the bench reads it from ../shared/data/bitext when it is there, and skips it otherwise.
 *
 * Per intent, the 5 requests with the smallest SHA-1 of their text become the questions of one pack entry
 * whose reply is that intent's first example response; up to 20 other requests (near-duplicates removed)
 * are buyer messages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { PackInput } from '../lib/packs/schema';
import type { EvalCase } from './metrics';

const BITEXT_CSV = new URL('../../shared/data/bitext/customer-support-4.5k.csv', import.meta.url);

interface Row {
  instruction: string;
  intent: string;
  response: string;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
/** Near-duplicate key: letters only, lower case, with numbers and placeholders removed. */
const nearKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/[^a-z]+/g, ' ')
    .trim();

export function loadBitext(): { pack: PackInput; cases: EvalCase[] } | null {
  if (!existsSync(BITEXT_CSV)) return null;
  const parsed = Papa.parse<Row>(readFileSync(BITEXT_CSV, 'utf8'), { header: true, skipEmptyLines: true });
  const byIntent = new Map<string, Row[]>();
  for (const row of parsed.data) {
    if (!row.intent || !row.instruction) continue;
    const list = byIntent.get(row.intent) ?? [];
    list.push(row);
    byIntent.set(row.intent, list);
  }
  const entries: PackInput['entries'] = [];
  const cases: EvalCase[] = [];
  for (const [intent, rows] of [...byIntent].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...rows].sort((a, b) => sha1(a.instruction).localeCompare(sha1(b.instruction)));
    const questions = sorted.slice(0, 5);
    entries.push({
      id: intent,
      title: intent.replace(/_/g, ' '),
      questions: questions.map((r) => r.instruction),
      replies: [{ text: rows[0]!.response }],
    });
    const seen = new Set(questions.map((r) => nearKey(r.instruction)));
    let taken = 0;
    for (const row of sorted.slice(5)) {
      const key = nearKey(row.instruction);
      if (seen.has(key)) continue;
      seen.add(key);
      cases.push({ text: row.instruction, expected: [intent] });
      taken += 1;
      if (taken === 20) break;
    }
  }
  const pack: PackInput = {
    format: 'huashu-pack/1',
    id: 'bitext',
    name: 'Bitext',
    version: '1.0.0',
    locale: 'en',
    entries,
  };
  return { pack, cases };
}

/** Messages that need no answer, for the English abstention rate. */
export const ENGLISH_NO_ANSWER = [
  'hi',
  'hello there',
  'ok thanks',
  'thank you so much!',
  'thx 👍',
  'cool',
  'good morning',
  'ok',
  'great, thanks!',
  'bye',
  'hey, anyone there?',
  'perfect thank you',
  'yes',
  'no',
  '👍👍',
  'lol ok',
  'got it, thanks',
  'alright',
  'what is the weather like today?',
  'who won the game last night',
  'tell me a joke',
  'what is the capital of France',
  'do you like pizza',
  'my cat is sleeping',
  'asdfgh',
  'can you recommend a good movie',
  'how old are you',
  'i love summer',
  'what time is it in Tokyo',
];
