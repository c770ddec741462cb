/**
 * Learning from picks on the command line: `kpack suggest` lines that carry `"picked"` teach the engine
 * for the rest of the process, and `kpack learned` reads the options page's export for the team lead to
 * review (good phrasings become questions of the pack).
 */
import type { Pack } from '../packs/schema';
import type { ChatContext, Suggestion, SuggestEngine } from '../suggest/engine';
import { picksFromNdjson } from '../suggest/learn/export';
import { isSearchedPick, packOfPickedEntry, PickLearner } from '../suggest/learn/learner';
import { entryKey } from '../suggest/learn/pick-memory';
import { LEARN_CANDIDATES, rerankSuggestions } from '../suggest/learn/rerank';
import { normalizeText } from '../suggest/text/normalize';

/** What `kpack suggest` learned in this process. */
export class SuggestLearning {
  private readonly learner = new PickLearner();
  private at = 0;

  constructor(
    private readonly engine: SuggestEngine,
    private readonly packs: readonly Pack[],
  ) {}

  /** How many suggestions to ask the engine for, to show `top`: more once something was learned. */
  limit(top: number): number {
    return this.learner.memory.size > 0 ? Math.max(top, LEARN_CANDIDATES) : top;
  }

  /**
   * The engine's suggestions for `text` as the picks so far re-rank them, `top` at most. The output names
   * entries by id only: an id two packs share is listed once, where it ranks best.
   */
  rank(suggestions: readonly Suggestion[], text: string, chat: Omit<ChatContext, 'text'>, top: number): Suggestion[] {
    const seen = new Set<string>();
    return rerankSuggestions(this.engine, this.learner, suggestions, text, chat)
      .filter((s) => !seen.has(s.entryId) && seen.add(s.entryId))
      .slice(0, top);
  }

  /**
   * The agent answered `text` with `entryId`; `ranked` (the engine's suggestions for the line) and
   * `platform` tell which pack when several hold that id; `shown` is the list the line was answered with:
   * an entry not in it was searched out (`isSearchedPick`). Returns false when no loaded pack has that entry.
   */
  learn(
    text: string,
    entryId: string,
    ranked: readonly Suggestion[] = [],
    platform?: string,
    shown: readonly Suggestion[] = ranked,
  ): boolean {
    const pack = packOfPickedEntry(this.packs, entryId, ranked, platform);
    if (!pack) return false;
    const searched = isSearchedPick(
      entryKey(pack.id, entryId),
      shown.map((s) => entryKey(s.packId, s.entryId)),
    );
    const { record } = this.learner.learn({
      packId: pack.id,
      packVersion: pack.version,
      entryId,
      text,
      at: (this.at += 1),
      searched,
    });
    // The engine's word translations learn the same pick (`SuggestEngine.learnPick`).
    if (record) this.engine.learnPick(record);
    return true;
  }
}

/** One entry of an export: its picked phrasings, most picked first. */
interface LearnedEntry {
  packId: string;
  entryId: string;
  picks: number;
  phrasings: Map<string, number>;
}

/** Per entry, the distinct picked phrasings (whitespace collapsed) with counts; most picked entries first. */
export function learnedPhrasings(records: ReturnType<typeof picksFromNdjson>['records']): LearnedEntry[] {
  const entries = new Map<string, LearnedEntry>();
  for (const record of records) {
    const key = `${record.packId}\u0000${record.entryId}`;
    let entry = entries.get(key);
    if (!entry)
      entries.set(key, (entry = { packId: record.packId, entryId: record.entryId, picks: 0, phrasings: new Map() }));
    const text = record.text.replace(/\s+/g, ' ').trim();
    entry.picks += 1;
    entry.phrasings.set(text, (entry.phrasings.get(text) ?? 0) + 1);
  }
  return [...entries.values()].sort((a, b) => b.picks - a.picks);
}

/**
 * `kpack learned FILE.ndjson [--pack FILE…]`: prints, per entry, the distinct picked phrasings with
 * counts; with the pack, the entry's title too, and which phrasings are already its questions.
 */
export async function printLearned(
  file: string,
  packs: readonly Pack[],
  read: (path: string) => Promise<string>,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    err(`${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    return 1;
  }
  const { records, problems } = picksFromNdjson(text);
  problems.forEach((p) => err(`${file}:${p.line}: ${p.message}`));
  const packById = new Map<string, Pack>();
  for (const pack of packs) if (!packById.has(pack.id)) packById.set(pack.id, pack);
  const entries = learnedPhrasings(records);
  if (entries.length === 0) out(`${file}: no picks`);
  for (const entry of entries) {
    const pack = packById.get(entry.packId);
    const found = pack?.entries.find((e) => e.id === entry.entryId);
    const title = found ? `  ${found.title}` : pack ? '  (no longer in the pack)' : '';
    out(`${entry.packId}/${entry.entryId}${title}  (${entry.picks} pick${entry.picks === 1 ? '' : 's'})`);
    const asked = new Set((found?.questions ?? []).map((q) => normalizeText(q)));
    const phrasings = [...entry.phrasings].sort((a, b) => b[1] - a[1]);
    for (const [phrasing, count] of phrasings) {
      out(
        `  ${String(count).padStart(3)}  ${phrasing}${asked.has(normalizeText(phrasing)) ? '  (already a question)' : ''}`,
      );
    }
  }
  return problems.length > 0 ? 1 : 0;
}
