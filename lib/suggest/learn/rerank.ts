/**
 * The engine's suggestions re-ranked with what picks taught, as the panel and `kpack suggest` show them:
 * an entry the engine did not return is rendered for the chat (`SuggestEngine.render`), cards are left
 * out (they are never inserted), and scores are capped at 1.
 */
import type { ChatContext, Suggestion, SuggestEngine } from '../engine';
import type { PickLearner } from './learner';
import { entryKey, parseEntryKey } from './pick-memory';

/** How many engine candidates the learner may re-order (the panel shows 5): ask the engine for these. */
export const LEARN_CANDIDATES = 20;

/**
 * `suggestions`: the engine's, best first (ask for `LEARN_CANDIDATES`); `question`: the buyer text they
 * were ranked for; `chat`: the context to render learned entries in; `names`: buyer names to redact.
 */
export function rerankSuggestions(
  engine: SuggestEngine,
  learner: PickLearner,
  suggestions: readonly Suggestion[],
  question: string,
  chat: Omit<ChatContext, 'text'>,
  names: readonly string[] = [],
): Suggestion[] {
  if (learner.memory.size === 0) return [...suggestions];
  const byKey = new Map(suggestions.map((s) => [entryKey(s.packId, s.entryId), s]));
  const candidates = suggestions.map((s) => ({ key: entryKey(s.packId, s.entryId), score: s.score }));
  const admit = (key: string) => {
    const { packId, entryId } = parseEntryKey(key);
    return engine.mayAddLearned(packId, entryId, chat, { question, candidates: candidates.map((c) => c.key) });
  };
  return learner.rank(question, candidates, names, admit).flatMap((ranked) => {
    const score = Math.min(1, Math.round(ranked.score * 1000) / 1000);
    const found = byKey.get(ranked.key);
    if (found) return [{ ...found, score }];
    const { packId, entryId } = parseEntryKey(ranked.key);
    const rendered = engine.render(packId, entryId, chat, score);
    return rendered && rendered.kind === 'reply' ? [rendered] : [];
  });
}
