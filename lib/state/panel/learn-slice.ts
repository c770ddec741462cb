/**
 * Learning from what the agent picks (lib/suggest/learn): the stored picks are read with the packs, the
 * learner is built from them once the engine's list is drawn, re-ranks the engine's candidates, and learns
 * each insert at once. The background stores the pick (it redacts again); the panel never writes the database.
 */
import { questionOf, type ChatContext, type Suggestion } from '../../suggest/engine';
import { isSearchedPick, PickLearner } from '../../suggest/learn/learner';
import { entryKey, type PickRecord } from '../../suggest/learn/pick-memory';
import { LEARN_CANDIDATES, rerankSuggestions } from '../../suggest/learn/rerank';
import type { LearnSlice, PanelContext, PanelItem, PanelSlice } from './types';
import { finishInTasks, nextTask } from '../../steps';

/** The picks of this panel session: as loaded, and the learner once built. */
export interface PanelPicks {
  records: PickRecord[];
  learner: PickLearner | null;
  /**
   * The suggestions last listed for the chat (entry keys, best first) and the buyer text they answered: a
   * search hit inserted for that text and not among them was searched out (`isSearchedPick`).
   */
  shown?: { question: string; keys: string[] };
}

/**
 * The learner, built (once) from the loaded records of entries the loaded packs still have; the engine learns the same
 * picks (its word translations, `SuggestEngine.learnPick`) while `learning` is on.
 */
function learnerOf(context: PanelContext, learning: boolean): PickLearner {
  if (context.picks.learner) return context.picks.learner;
  const known = new Set(context.engine.loadedPacks.flatMap((p) => p.entries.map((e) => entryKey(p.id, e.id))));
  const records = context.picks.records.filter((r) => known.has(entryKey(r.packId, r.entryId)));
  context.picks.learner = PickLearner.fromRecords(records);
  syncEnginePicks(context, learning);
  return context.picks.learner;
}

/** The engine ranks with the learner's picks while learning is on, with none while it is off. */
export function syncEnginePicks(context: PanelContext, learning: boolean): void {
  context.engine.setLearnedPicks(learning ? (context.picks.learner?.memory.toRecords() ?? []) : []);
}

/** How many suggestions to ask the engine for: more only when there are picks to re-rank them with. */
export function candidateLimit(context: PanelContext, shown: number): number {
  return context.picks.learner?.memory.size ? Math.max(shown, LEARN_CANDIDATES) : shown;
}

/**
 * The engine's suggestions re-ranked with this session's picks (see `rerankSuggestions`). Until the
 * learner is built (`buildLearner`, just after the packs load) the engine's order stands: the first
 * suggestion does not wait for 2,000 stored picks to be read.
 */
export function rankWithPicks(
  context: PanelContext,
  suggestions: readonly Suggestion[],
  question: string,
  chat: Omit<ChatContext, 'text'>,
  names: readonly string[],
): Suggestion[] {
  if (!context.picks.learner) return [...suggestions];
  return rerankSuggestions(context.engine, context.picks.learner, suggestions, question, chat, names);
}

export const createLearnSlice: PanelSlice<LearnSlice> = (context) => (set, get) => ({
  learning: true,
  async reloadPicks() {
    const [records, settings] = await Promise.all([
      context.services.loadPicks?.() ?? Promise.resolve([]),
      context.services.getSettings(),
    ]);
    context.picks = { ...context.picks, records, learner: null };
    const learning = settings.learning !== false;
    set({ learning });
    // Forgotten, or learning switched off: the engine forgets at once. Otherwise the learner built below gives it the
    // stored picks, and it learns only those it did not have (after a typed shortcut, one).
    if (!learning || records.length === 0) context.engine.setLearnedPicks([]);
    get().recompute();
    await get().buildLearner();
  },
  async buildLearner() {
    if (context.picks.learner || context.picks.records.length === 0) return;
    // After the list was drawn with the engine's order: building takes tens of ms per thousand picks.
    await nextTask();
    if (context.picks.learner || context.picks.records.length === 0) return;
    learnerOf(context, get().learning);
    get().recompute();
    // The engine's translation model adapted to the picks, in slices (none before the model is fitted: the packs'
    // reload runs this again after fitting it).
    try {
      if (await finishInTasks(context.engine.learnedPickSteps(), nextTask)) get().recompute();
    } catch {
      // Without it the list stands as ranked.
    }
  },
  learnPick(item: PanelItem) {
    const { chat, learning, packs } = get();
    const conversation = chat?.conversation;
    if (!learning || !conversation || item.kind !== 'reply') return;
    // The buyer's pending message(s): what the list was ranked for (it is recomputed on every chat change).
    const question = questionOf({ messages: conversation.messages });
    if (!question) return;
    const pack = packs.find((p) => p.id === item.packId);
    if (!pack) return;
    const names = conversation.buyerName ? [conversation.buyerName] : [];
    // Taken from the search, not from the list shown for this question: the engine missed it. A list for
    // another question (the chat moved on while the agent searched) says nothing, and nothing is assumed.
    const { shown } = context.picks;
    const searched =
      get().query.trim() !== '' &&
      shown?.question === question &&
      isSearchedPick(entryKey(item.packId, item.entryId), shown.keys);
    const { record } = learnerOf(context, learning).learn({
      packId: item.packId,
      packVersion: pack.version,
      entryId: item.entryId,
      text: question,
      at: context.services.now().getTime(),
      names,
      searched,
    });
    if (!record) return;
    context.engine.learnPick(record);
    context.picks.records.push(record);
    context.services.recordPick?.({
      packId: record.packId,
      packVersion: record.packVersion,
      entryId: record.entryId,
      question: record.text,
      ...(record.searched ? { searched: true } : {}),
    });
  },
});
