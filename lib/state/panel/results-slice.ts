import { chatMessagesOf, chatReplyContext } from '../../chats/reply-context';
import { currentProduct } from '../../chats/product';
import { complaintRisk, type ComplaintRisk } from '../../suggest/complaint';
import { questionOf, type ChatContext, type Suggestion, type SuggestEngine } from '../../suggest/engine';
import { entryKey } from '../../suggest/learn/pick-memory';
import { candidateLimit, rankWithPicks } from './learn-slice';
import { prepareLandings } from './landings';
import type { PanelItem, PanelSlice, ResultsSlice } from './types';

function sameRisk(a: ComplaintRisk | null, b: ComplaintRisk | null): boolean {
  return a?.level === b?.level && a?.reasons.join('\u0000') === b?.reasons.join('\u0000');
}

const toItem = (s: Suggestion): PanelItem => ({
  packId: s.packId,
  entryId: s.entryId,
  title: s.title,
  text: s.text,
  cursor: s.cursor,
  missing: s.missing,
  score: s.score,
  shortcut: s.shortcut,
  kind: s.kind,
  compliance: s.compliance,
  ...(s.scenarioOff ? { scenarioOff: s.scenarioOff } : {}),
});

/**
 * When the buyer threatens to escalate, the pack's reply to that threat (its 投诉 or 差评 entry) comes
 * first: calming the buyer down comes before the question they asked earlier.
 */
function threatFirst(
  engine: SuggestEngine,
  suggestions: Suggestion[],
  risk: ComplaintRisk | null,
  context: Omit<ChatContext, 'text' | 'messages'>,
): Suggestion[] {
  if (!risk || risk.threats.length === 0) return suggestions;
  const answer = engine.suggest({ ...context, text: risk.threats.join(' ') }, 1).suggestions[0];
  if (!answer) return suggestions;
  const same = (s: Suggestion) => s.packId === answer.packId && s.entryId === answer.entryId;
  return [suggestions.find(same) ?? answer, ...suggestions.filter((s) => !same(s))].slice(0, 5);
}

export const createResultsSlice: PanelSlice<ResultsSlice> = (context) => (set, get) => {
  const { services, engine } = context;
  // Each unanswered question and each complaint risk is logged once per panel session, however often the
  // panel recomputes.
  const logged = new Set<string>();
  const logOnce = (key: string, log: () => void) => {
    if (logged.has(key)) return;
    logged.add(key);
    log();
  };

  return {
    items: [],
    product: null,
    risk: null,
    cards: [],
    emptyReason: null,
    selected: 0,
    select(index) {
      set({ selected: Math.max(0, Math.min(index, get().items.length - 1)) });
    },
    moveSelection(delta) {
      get().select(get().selected + delta);
    },
    recompute() {
      const { packs, chat, query, switchedOn, offByChat } = get();
      const now = services.now();
      // A product card is not part of the question: it goes into the request as `product`.
      const messages = chatMessagesOf(chat?.conversation);
      // Read from the chat whatever the packs or the search box hold: the agent must see it either way.
      const risk = complaintRisk(messages);
      if (!sameRisk(risk, get().risk)) set({ risk });
      const conversation = chat?.conversation;
      const product = currentProduct(conversation);
      if ((product ?? null) !== get().product) set({ product: product ?? null });
      if (risk && conversation) {
        const question = questionOf({ messages });
        logOnce(`complaint\u0000${conversation.conversationId}\u0000${risk.level}\u0000${question}`, () =>
          services.logComplaint?.(risk, question, conversation.platform),
        );
      }
      if (packs.length === 0) {
        set({ items: [], cards: [], emptyReason: 'no-packs', selected: 0 });
        return;
      }
      // The same context a shortcut typed in this chat's composer expands in (lib/chats/reply-context.ts).
      const {
        platform,
        page,
        scenarios: on,
        scenariosOff,
      } = chatReplyContext(packs, conversation, { switchedOn, offByChat }, now);
      const scenarios = { scenarios: on, scenariosOff };
      if (query.trim()) {
        const hitContext = { platform, page, now, ...scenarios, messages, product };
        const items = context.search
          .search(query, 20, platform)
          .map((hit) => engine.render(hit.packId, hit.entryId, hitContext, hit.score))
          .filter((s): s is Suggestion => s !== null)
          .map(toItem);
        set({ items, cards: [], emptyReason: items.length ? null : 'no-hits', selected: 0 });
        return;
      }
      if (!conversation) {
        set({ items: [], cards: [], emptyReason: 'no-chat', selected: 0 });
        return;
      }
      // With picks to learn from, the engine's 20 best are re-ranked and the panel keeps 5.
      const learning = get().learning;
      const chatContext = { messages, platform, ...scenarios, page, now, product };
      const result = engine.suggest(chatContext, learning ? candidateLimit(context, 5) : 5);
      // A chat of another platform or scenarios: its phrasebook landings, when idle.
      void prepareLandings(context);
      const names = conversation.buyerName ? [conversation.buyerName] : [];
      const ranked = learning
        ? rankWithPicks(context, result.suggestions, result.query, chatContext, names)
        : result.suggestions;
      const suggestions = ranked.slice(0, 5);
      if (suggestions.length > 0 && result.query) {
        const shown = suggestions.slice(0, 3).map((s) => ({ packId: s.packId, entryId: s.entryId }));
        logOnce(`suggested\u0000${conversation.conversationId}\u0000${result.query}`, () =>
          services.logSuggested?.(shown, platform),
        );
      }
      if (result.abstained === 'no-match' && result.query && suggestions.length === 0) {
        logOnce(`unanswered\u0000${conversation.conversationId}\u0000${result.query}`, () =>
          services.logUnanswered?.(result.query, platform),
        );
      }
      const items = threatFirst(engine, suggestions, risk, { platform, ...scenarios, page, now, product }).map(toItem);
      context.picks.shown = { question: result.query, keys: items.map((item) => entryKey(item.packId, item.entryId)) };
      set({
        items,
        cards: result.cards.map(toItem),
        emptyReason:
          result.abstained === 'courtesy'
            ? 'courtesy'
            : suggestions.length === 0 && result.cards.length === 0
              ? 'no-match'
              : null,
        selected: 0,
      });
    },
  };
};
